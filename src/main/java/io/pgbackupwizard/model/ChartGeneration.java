package io.pgbackupwizard.model;

import java.util.List;

/**
 * The Bitnami postgresql chart's values layouts. Keys moved twice (master.* -> primary.* in 10.0.0,
 * postgresql* credentials -> auth.* in 11.0.0) and 16.6.0 switched to password files by default.
 */
public enum ChartGeneration {
    MASTER("8.x-9.x", "master", List.of("global", "postgresql"), "postgresqlUsername", "postgresqlPassword",
            "postgresqlDatabase", false),
    PRIMARY("10.x", "primary", List.of("global", "postgresql"), "postgresqlUsername", "postgresqlPassword",
            "postgresqlDatabase", false),
    AUTH("11.0.0-16.5.x", "primary", List.of("global", "postgresql", "auth"), "username", "password",
            "database", false),
    PASSWORD_FILES("16.6.0 and later", "primary", List.of("global", "postgresql", "auth"), "username", "password",
            "database", true);

    private final String versions;
    private final String podKey;
    private final List<String> credentialsPath;
    private final String usernameKey;
    private final String passwordKey;
    private final String databaseKey;
    private final boolean passwordFilesByDefault;

    ChartGeneration(String versions, String podKey, List<String> credentialsPath, String usernameKey,
            String passwordKey, String databaseKey, boolean passwordFilesByDefault) {
        this.versions = versions;
        this.podKey = podKey;
        this.credentialsPath = credentialsPath;
        this.usernameKey = usernameKey;
        this.passwordKey = passwordKey;
        this.databaseKey = databaseKey;
        this.passwordFilesByDefault = passwordFilesByDefault;
    }

    static ChartGeneration of(ChartVersion v) {
        if (v.major() <= 9) return MASTER;
        if (v.major() == 10) return PRIMARY;
        if (v.major() < 16 || (v.major() == 16 && v.minor() < 6)) return AUTH;
        return PASSWORD_FILES;
    }

    /** Chart versions whose values call the PostgreSQL pod {@link #podKey()} (renamed from master in 10.0.0). */
    public String podKeyVersions() {
        return podKey.equals("master") ? "8.x and 9.x" : "10.0.0 and later";
    }

    /** Chart versions of this layout, for people. */
    public String versions() { return versions; }
    /** Top-level values key of the PostgreSQL pod: master or primary. */
    public String podKey() { return podKey; }
    /** Values path of the map that holds the credentials. */
    public List<String> credentialsPath() { return credentialsPath; }
    public String usernameKey() { return usernameKey; }
    public String passwordKey() { return passwordKey; }
    public String databaseKey() { return databaseKey; }
    /** Whether the container gets $POSTGRES_PASSWORD_FILE instead of $POSTGRES_PASSWORD by default. */
    public boolean passwordFilesByDefault() { return passwordFilesByDefault; }
}
