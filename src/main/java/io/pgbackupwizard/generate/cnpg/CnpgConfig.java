package io.pgbackupwizard.generate.cnpg;

import static io.pgbackupwizard.generate.yaml.Maps.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.pgbackupwizard.generate.kots.KotsTemplates;
import io.pgbackupwizard.model.WizardInput;

/**
 * The config screen's questions for a CloudNativePG cluster: the S3 (or S3-compatible) object store the Barman Cloud
 * plugin archives to, when base backups run, how long they are kept, and the restore switch.
 */
public final class CnpgConfig {
    private CnpgConfig() {
    }

    public static final String BUCKET = "cnpg_s3_bucket";
    public static final String PATH = "cnpg_s3_path";
    public static final String REGION = "cnpg_s3_region";
    public static final String ENDPOINT = "cnpg_s3_url";
    public static final String ACCESS_KEY_ID = "cnpg_s3_access_key_id";
    public static final String SECRET_ACCESS_KEY = "cnpg_s3_secret_access_key";
    public static final String SCHEDULE = "cnpg_backup_schedule";
    public static final String RETENTION = "cnpg_retention";
    public static final String SERVER_NAME = "cnpg_server_name";
    public static final String RECOVER = "cnpg_recover";
    public static final String RECOVER_FROM = "cnpg_recover_from";

    public static final String GROUP = "database_backups";
    public static final String GROUP_TITLE = "Database backups";
    public static final String SCHEDULE_TITLE = "Base backup schedule";
    public static final String SERVER_NAME_TITLE = "Back up as";
    public static final String RECOVER_TITLE = "Recover the database from backups";
    public static final String RECOVER_FROM_TITLE = "Recover from";

    /** Every item name this group defines; no other config item may use one. */
    public static final List<String> ITEMS = List.of(BUCKET, PATH, REGION, ENDPOINT, ACCESS_KEY_ID, SECRET_ACCESS_KEY,
            SCHEDULE, RETENTION, SERVER_NAME, RECOVER, RECOVER_FROM);

    /** Six fields, seconds first, as CloudNativePG's ScheduledBackup reads them: daily at 03:00. */
    public static final String DEFAULT_SCHEDULE = "0 0 3 * * *";
    public static final String DEFAULT_RETENTION = "30d";

    /** The server name an archive is written under: lower-case letters, digits and '-' (it becomes an S3 folder). */
    static final String SERVER_NAME_PATTERN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

    private static Map<String, Object> serverNameValidation() {
        return map("regex", map("pattern", SERVER_NAME_PATTERN, "message", "Lower-case letters, digits and '-'."));
    }

    public static Map<String, Object> group(WizardInput in) {
        List<Object> items = new ArrayList<>();
        items.add(map("name", BUCKET, "title", "Bucket", "type", "text", "required", true));
        items.add(map("name", PATH, "title", "Folder in the bucket", "type", "text", "default", "/", "required", true,
                "help_text", "Starts with /. Each server name gets its own folder under it.",
                "validation", map("regex", map("pattern", "^/.*$", "message", "Start the folder with /."))));
        items.add(map("name", REGION, "title", "Region", "type", "text", "default", "us-east-1", "required", true));
        items.add(map("name", ENDPOINT, "title", "S3-compatible endpoint URL", "type", "text", "help_text",
                "Leave empty for AWS S3 (the backups are then encrypted at rest with AES256); for another "
                        + "S3-compatible store, its URL (no server-side encryption is asked of it)."));
        items.add(map("name", ACCESS_KEY_ID, "title", "Access key ID", "type", "text", "required", true));
        items.add(map("name", SECRET_ACCESS_KEY, "title", "Secret access key", "type", "password", "required", true));
        items.add(map("name", SCHEDULE, "title", SCHEDULE_TITLE, "type", "text", "default", DEFAULT_SCHEDULE,
                "required", true, "help_text",
                "Six fields, seconds first (0 0 3 * * * is 03:00 every day), in UTC. WAL is archived all the time; "
                        + "a base backup bounds how much WAL a restore replays."));
        items.add(map("name", RETENTION, "title", "Keep backups for", "type", "text", "default", DEFAULT_RETENTION,
                "required", true, "help_text", "Days, weeks or months: 30d, 4w, 6m.",
                "validation", map("regex", map("pattern", "^[1-9][0-9]*[dwm]$", "message",
                        "A number followed by d, w or m: 30d."))));
        items.add(map("name", SERVER_NAME, "title", SERVER_NAME_TITLE, "type", "text", "default", CnpgNames.cluster(in),
                "required", true, "help_text",
                "The folder name this database's archive is written under. After recovering from backups, give it a "
                        + "new name (" + CnpgNames.cluster(in) + "-2): the plugin refuses to archive into a folder "
                        + "that holds another server's history.",
                "validation", serverNameValidation()));
        items.add(map("name", RECOVER, "title", RECOVER_TITLE, "type", "bool", "default", "0",
                "help_text", "Only for a new database: after a snapshot restore, or on a new cluster. The database "
                        + "is created from the newest base backup and the WAL archived after it. A database that "
                        + "already exists is not touched; delete its Cluster first."));
        items.add(map("name", RECOVER_FROM, "title", RECOVER_FROM_TITLE, "type", "text", "default", CnpgNames.cluster(in),
                "required", true, "when", KotsTemplates.configOptionEquals(RECOVER, "1"), "help_text",
                "The name the lost database was backed up as.",
                "validation", serverNameValidation()));
        Map<String, Object> group = map("name", GROUP, "title", GROUP_TITLE, "description",
                "The database archives its changes and scheduled base backups to this object store (CloudNativePG's "
                        + "Barman Cloud plugin). Snapshots of the application do not hold the database.",
                "items", items);
        if (in.allowExternal())
            group.put("when", KotsTemplates.configOptionEquals(in.typeOption(), in.embeddedValue()));
        return group;
    }
}
