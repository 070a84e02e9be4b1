package io.pgbackupwizard.generate.migrate;

import static io.pgbackupwizard.generate.yaml.Maps.map;

import java.util.List;
import java.util.Map;

import io.pgbackupwizard.generate.kots.KotsTemplates;
import io.pgbackupwizard.model.WizardInput;

/** The config screen's one question about the move: may the copy overwrite a new database that is not empty. */
public final class MigrationConfig {
    private MigrationConfig() {
    }

    public static final String GROUP = "database_move";
    public static final String GROUP_TITLE = "Moving the database";
    public static final String REPLACE = "database_move_replace";
    public static final String REPLACE_TITLE = "Replace the new database's tables";

    /** Every item name this group defines; no other config item may use one. */
    public static final List<String> ITEMS = List.of(REPLACE);

    public static Map<String, Object> group(WizardInput in) {
        Map<String, Object> replace = map("name", REPLACE, "title", REPLACE_TITLE, "type", "bool", "default", "0",
                "help_text", "Only if the upgrade stopped because the new database already holds tables that are not"
                        + " a copy of the old one: turn this on and deploy again, and the copy overwrites them. The old"
                        + " database is only read.");
        Map<String, Object> group = map("name", GROUP, "title", GROUP_TITLE, "items", List.of(replace));
        if (in.allowExternal())
            group.put("when", KotsTemplates.configOptionEquals(in.typeOption(), in.embeddedValue()));
        return group;
    }

    /** The migration chart's replace value, read from the Config at deploy time. */
    public static String replaceValue() {
        return KotsTemplates.configOptionEquals(REPLACE, "1");
    }
}
