package io.pgbackupwizard.model;

/** Where the emptyDir lives: tmpfs (counts against the memory limit) or the node's ephemeral disk. */
public enum ScratchMedium {
    Memory,
    Disk;

    public static ScratchMedium parse(String text) {
        for (ScratchMedium m : values()) {
            if (m.name().equals(text))
                return m;
        }
        throw new IllegalArgumentException("must be Memory or Disk");
    }
}
