package io.pgbackupwizard.model;

/**
 * How the backup hook dumps and the restore hook loads: pg_dump's custom format (compressed, loaded with pg_restore)
 * or plain SQL (loaded with psql). Every text that names the dump, its file or its tool asks this, so the texts
 * and the scripts (generate/HookScripts) cannot disagree.
 */
public enum DumpFormat {
    custom("backup.dump", "pg_restore",
            "pg_dump's custom format (-Fc -Z1: compressed, typically 4-5 times smaller than plain SQL)"),
    plain("backup.sql", "psql", "plain SQL (pg_dump --clean --if-exists: each object is dropped before it is recreated;"
            + " a database with large objects is refused, since their plain dump could not be restored all-or-nothing)");

    private final String fileName;
    private final String restoreTool;
    private final String description;

    DumpFormat(String fileName, String restoreTool, String description) {
        this.fileName = fileName;
        this.restoreTool = restoreTool;
        this.description = description;
    }

    /** The dump's file name in the scratch volume; the restore hook loads only this name. */
    public String fileName() {
        return fileName;
    }

    /** The client that loads the dump back. */
    public String restoreTool() {
        return restoreTool;
    }

    /** What the dump is, for people. */
    public String description() {
        return description;
    }

    public static DumpFormat parse(String text) {
        return EnumValues.parse(values(), Enum::name, text);
    }
}
