package io.pgbackupwizard.model;

/** Velero's hook on-error modes; Velero compares them case-sensitively and treats anything else as Fail. */
public enum OnError {
    Fail,
    Continue;

    public static OnError parse(String text) {
        return EnumValues.parse(values(), Enum::name, text, " (case-sensitive, as Velero reads it)");
    }
}
