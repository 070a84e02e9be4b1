package io.pgbackupwizard.model;

/** Velero's hook on-error modes; Velero compares them case-sensitively and treats anything else as Fail. */
public enum OnError {
    Fail,
    Continue;

    public static OnError parse(String text) {
        for (OnError o : values()) {
            if (o.name().equals(text))
                return o;
        }
        throw new IllegalArgumentException("must be Fail or Continue (case-sensitive, as Velero reads it)");
    }
}
