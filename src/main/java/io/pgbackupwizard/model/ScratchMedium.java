package io.pgbackupwizard.model;

/** Where the emptyDir lives: tmpfs (counts against the memory limit) or the node's ephemeral disk. */
public enum ScratchMedium {
    Memory,
    Disk;

    public static ScratchMedium parse(String text) {
        return EnumValues.parse(values(), Enum::name, text);
    }
}
