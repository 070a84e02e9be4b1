package io.pgbackupwizard.model;

/**
 * Whom the hooks connect as: the chart's app user, or the {@code postgres} superuser (needed when objects such as
 * extensions belong to postgres: only their owner may drop and recreate them in place).
 */
public enum HookUser {
    app,
    postgres;

    public static HookUser parse(String text) {
        return EnumValues.parse(values(), Enum::name, text);
    }
}
