package io.pgbackupwizard.generate.kots;

import static io.pgbackupwizard.generate.yaml.Maps.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.pgbackupwizard.model.InstallPath;
import io.pgbackupwizard.model.WizardInput;

/** The KOTS Config that defines every option the HelmChart references. */
public final class ConfigManifest {
    private ConfigManifest() {
    }

    /** 1-65535, as KOTS checks it on the config screen. */
    static final String PORT_PATTERN = "^([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])$";

    public static Map<String, Object> build(WizardInput in) {
        return build(in, List.of());
    }

    /** With the groups a chart family adds after the database group (CloudNativePG's object store). */
    public static Map<String, Object> build(WizardInput in, List<Map<String, Object>> familyGroups) {
        List<Object> items = new ArrayList<>();
        if (in.allowExternal()) {
            items.add(map("name", in.typeOption(), "title", "PostgreSQL", "type", "radio",
                    "help_text", "Run PostgreSQL in the cluster, or connect to one you manage.",
                    "default", in.embeddedValue(),
                    "items", List.of(
                            map("name", in.embeddedValue(), "title", "Embedded PostgreSQL"),
                            map("name", in.externalValue(), "title", "External PostgreSQL"))));
        }
        // Generated once at install and kept; never shown, so it never leaves the cluster in clear. (The operator
        // generates CloudNativePG's and keeps it in its own Secret.)
        if (!in.family().backsItselfUp())
            items.add(map("name", in.passwordOption(), "title", "Embedded PostgreSQL password", "type", "password",
                    "hidden", true, "value", "repl{{ RandomString 32 }}"));
        if (in.chart().superuserPasswordPath() != null) {
            items.add(map("name", in.superuserPasswordOption(), "title", "Embedded PostgreSQL superuser password",
                    "type", "password", "hidden", true, "value", "repl{{ RandomString 32 }}"));
        }
        if (in.allowExternal()) {
            String when = KotsTemplates.configOptionEquals(in.typeOption(), in.externalValue());
            items.add(external(in, "host", "Host", "text", when));
            Map<String, Object> port = external(in, "port", "Port", "text", when);
            port.put("default", "5432");
            port.put("validation", map("regex", map("pattern", PORT_PATTERN, "message", "Enter a port from 1 to 65535.")));
            items.add(port);
            items.add(external(in, "user", "Username", "text", when));
            items.add(external(in, "password", "Password", "password", when));
            items.add(external(in, "db", "Database", "text", when));
        }
        Map<String, Object> group = map("name", "database", "title", "Database",
                "description", "Where the application keeps its data.", "items", items);
        List<Object> groups = new ArrayList<>(List.of(group));
        groups.addAll(familyGroups);
        // Embedded Cluster v3 bundles its own Velero, which needs somewhere to write. KOTS and kURL snapshots and
        // Embedded Cluster v2's disaster recovery are set up in the admin console; Helm CLI has no Config.
        if (in.serves(InstallPath.EMBEDDED_V3))
            groups.add(BackupStorageConfig.group());
        return map("apiVersion", "kots.io/v1beta1", "kind", "Config", "metadata", map("name", "config"),
                "spec", map("groups", groups));
    }

    /** Your own StatefulSet on Embedded Cluster v3: only where the bundled Velero writes (your Config keeps the rest). */
    public static Map<String, Object> backupStorageOnly() {
        return map("apiVersion", "kots.io/v1beta1", "kind", "Config", "metadata", map("name", "config"),
                "spec", map("groups", List.of(BackupStorageConfig.group())));
    }

    private static Map<String, Object> external(WizardInput in, String suffix, String title, String type, String when) {
        return map("name", in.externalItem(suffix), "title", "External PostgreSQL " + title.toLowerCase(),
                "type", type, "required", true, "when", when);
    }
}
