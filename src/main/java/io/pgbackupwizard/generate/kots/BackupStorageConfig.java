package io.pgbackupwizard.generate.kots;

import static io.pgbackupwizard.generate.yaml.Maps.map;

import java.util.List;
import java.util.Map;

/**
 * Embedded Cluster v3: where the bundled Velero writes backups, asked on the config screen and passed into the
 * Velero extension's values with ConfigOption. An S3 bucket, or an S3-compatible store when an endpoint is given.
 */
public final class BackupStorageConfig {
    private BackupStorageConfig() {
    }

    public static final String BUCKET = "velero_s3_bucket";
    public static final String PREFIX = "velero_s3_prefix";
    public static final String REGION = "velero_s3_region";
    public static final String ENDPOINT = "velero_s3_url";
    public static final String ACCESS_KEY_ID = "velero_s3_access_key_id";
    public static final String SECRET_ACCESS_KEY = "velero_s3_secret_access_key";
    public static final String SCHEDULE = "velero_backup_schedule";

    /** Every item name this group defines; no other config item may use one. */
    public static final List<String> ITEMS = List.of(BUCKET, PREFIX, REGION, ENDPOINT, ACCESS_KEY_ID,
            SECRET_ACCESS_KEY, SCHEDULE);

    public static Map<String, Object> group() {
        return map("name", "backup_storage", "title", "Backups",
                "description", "Where Velero stores the application's backups, and when it takes them.",
                "items", List.of(
                        map("name", BUCKET, "title", "Bucket", "type", "text", "required", true),
                        map("name", PREFIX, "title", "Path prefix in the bucket", "type", "text",
                                "help_text", "Optional: a folder inside the bucket."),
                        map("name", REGION, "title", "Region", "type", "text", "default", "us-east-1", "required", true),
                        map("name", ENDPOINT, "title", "S3-compatible endpoint URL", "type", "text",
                                "help_text", "Leave empty for AWS S3; for another S3-compatible store, its URL "
                                        + "(path-style addressing is then used)."),
                        map("name", ACCESS_KEY_ID, "title", "Access key ID", "type", "text", "required", true),
                        map("name", SECRET_ACCESS_KEY, "title", "Secret access key", "type", "password", "required", true),
                        map("name", SCHEDULE, "title", "Backup schedule", "type", "text", "default", "0 3 * * *",
                                "required", true, "help_text",
                                "A cron expression, in the cluster's time zone (UTC by default).")));
    }
}
