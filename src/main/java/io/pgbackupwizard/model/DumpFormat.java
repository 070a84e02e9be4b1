package io.pgbackupwizard.model;

/** How the backup hook dumps: pg_dump's custom format (compressed, restored with pg_restore) or plain SQL (psql). */
public enum DumpFormat {
    custom("backup.dump"), plain("backup.sql");

    private final String fileName;

    DumpFormat(String fileName) {
        this.fileName = fileName;
    }

    /** The dump's file name in the scratch volume; the restore hook loads only this name. */
    public String fileName() {
        return fileName;
    }

    public static DumpFormat parse(String text) {
        for (DumpFormat f : values()) {
            if (f.name().equals(text)) return f;
        }
        throw new IllegalArgumentException("must be custom or plain");
    }
}
