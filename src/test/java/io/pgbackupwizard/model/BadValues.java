package io.pgbackupwizard.model;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One wrong value per parameter, and a phrase the error message must contain so the user knows what is
 * wrong. Shared by the parser test and the web test (every surface must reject every field).
 */
public final class BadValues {
    private BadValues() {
    }

    public record Bad(Field field, String value, String messageMentions) {
        public String param() {
            return field.param();
        }

        @Override
        public String toString() {
            return field.param() + "=" + value;
        }
    }

    private static final Map<Field, Bad> BY_FIELD = new EnumMap<>(Field.class);

    private static void bad(Field f, String value, String messageMentions) {
        BY_FIELD.put(f, new Bad(f, value, messageMentions));
    }

    static {
        bad(Field.NAME, "Orders_DB", "lower-case");
        bad(Field.API_VERSION, "kots.io/v1", "kots.io/v1beta2");
        bad(Field.CHART_FAMILY, "zalando", "bitnami, cloudpirates");
        bad(Field.CHART_VERSION, "16.7", "semantic version");
        bad(Field.CONTAINER_NAME, "PostgreSQL", "lower-case");
        bad(Field.DATA_VOLUME, "pg_data", "lower-case");
        bad(Field.ALLOW_EXTERNAL, "yes", "true or false");
        bad(Field.TYPE_OPTION, "1st_choice", "start with a letter");
        bad(Field.EMBEDDED_VALUE, "in cluster", "letters, digits");
        bad(Field.EXTERNAL_VALUE, "external!", "letters, digits");
        bad(Field.USERNAME, "pg_backup", "reserves for roles");
        bad(Field.DATABASE, "template1", "template database");
        bad(Field.PASSWORD_OPTION, "db password", "letters, digits");
        bad(Field.SCRATCH_SIZE, "1GB", "quantity");
        bad(Field.SCRATCH_MEDIUM, "memory", "Memory or Disk");
        bad(Field.MOUNT_PATH, "scratch", "absolute path");
        bad(Field.HOOK_TIMEOUT, "300", "bare number");
        bad(Field.ON_ERROR, "fail", "Fail or Continue");
        bad(Field.RESTORE_HOOK, "1", "true or false");
        bad(Field.RESTORE_WAIT_TIMEOUT, "0s", "greater than zero");
        bad(Field.RESTORE_EXEC_TIMEOUT, "1d", "Go duration");
        bad(Field.INSTALL_PATH, "embedded", "embedded-v2");
        bad(Field.DUMP_FORMAT, "tar", "custom or plain");
        bad(Field.HOOK_USER, "root", "app or postgres");
        bad(Field.RESTORE_ON_ERROR, "continue", "Fail or Continue");
        bad(Field.IMAGE_REGISTRY, "https://docker.io", "no scheme");
        bad(Field.IMAGE_REPOSITORY, "Bitnami/PostgreSQL", "lower-case");
        bad(Field.IMAGE_TAG, "-latest", "image tag");
        bad(Field.CPU_LIMIT, "100m", "at least 250m");
        bad(Field.MEMORY_LIMIT, "lots", "quantity");
        bad(Field.EPHEMERAL_STORAGE_LIMIT, "0", "greater than zero");
        bad(Field.MIGRATE_FROM, "10.16.2", "11.0.0 and later only");
        bad(Field.MIGRATE_FROM_RELEASE, "Old_PG", "lower-case");
        bad(Field.MIGRATE_FROM_SECRET, "pg/secret", "lower-case");
        bad(Field.MIGRATE_FROM_PASSWORD_KEY, "admin password", "letters, digits");
        bad(Field.MIGRATION_TIMEOUT, "30", "bare number");
        if (BY_FIELD.size() != Field.values().length) {
            throw new IllegalStateException("every Field needs a bad value; missing: "
                    + Arrays.stream(Field.values()).filter(f -> !BY_FIELD.containsKey(f)).toList());
        }
    }

    public static Stream<Bad> all() {
        return BY_FIELD.values().stream();
    }

    public static Bad of(Field field) {
        return BY_FIELD.get(field);
    }
}
