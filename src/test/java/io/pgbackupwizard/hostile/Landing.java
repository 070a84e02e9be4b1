package io.pgbackupwizard.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.pgbackupwizard.model.Field;
import io.pgbackupwizard.testsupport.ManifestView;

/**
 * Where each field's value lands in the manifests of the default chart (17.1.0: credentials under
 * global.postgresql.auth.*, as the reference sheet documents), read back with an independent YAML loader.
 */
final class Landing {
    private Landing() {
    }

    static void assertLandsExactly(Field field, String value, ManifestView helm, ManifestView config) {
        if (value.isEmpty() && field.defaultValue().isEmpty()) {
            return; // empty means "computed": what is computed is checked in model/InstallRulesTest and generate/
        }
        switch (field) {
            case NAME -> assertEquals(value, helm.at("metadata", "name"));
            case CHART_VERSION -> assertEquals(value, helm.at("spec", "chart", "chartVersion"));
            case USERNAME -> assertEquals(value, helm.at("spec", "values", "global", "postgresql", "auth", "username"));
            case DATABASE -> assertEquals(value, helm.at("spec", "values", "global", "postgresql", "auth", "database"));
            case IMAGE_REGISTRY -> {
                assertEquals(value, helm.at("spec", "values", "image", "registry"));
                assertEquals(value, helm.at("spec", "builder", "image", "registry"));
            }
            case IMAGE_REPOSITORY -> assertEquals(value, helm.at("spec", "values", "image", "repository"));
            case IMAGE_TAG -> assertEquals(value, helm.at("spec", "values", "image", "tag"));
            case CPU_LIMIT -> assertEquals(value, helm.pod("resources", "limits", "cpu"));
            case MEMORY_LIMIT -> assertEquals(value, helm.pod("resources", "limits", "memory"));
            case EPHEMERAL_STORAGE_LIMIT -> assertEquals(value, helm.pod("resources", "limits", "ephemeral-storage"));
            case SCRATCH_SIZE -> assertEquals(value, helm.pod("extraVolumes", 0, "emptyDir", "sizeLimit"));
            case MOUNT_PATH -> assertEquals(value, helm.pod("extraVolumeMounts", 0, "mountPath"));
            case HOOK_TIMEOUT -> assertEquals(value, helm.pod("podAnnotations", "pre.hook.backup.velero.io/timeout"));
            case RESTORE_WAIT_TIMEOUT ->
                assertEquals(value, helm.pod("podAnnotations", "post.hook.restore.velero.io/wait-timeout"));
            case RESTORE_EXEC_TIMEOUT ->
                assertEquals(value, helm.pod("podAnnotations", "post.hook.restore.velero.io/exec-timeout"));
            case TYPE_OPTION -> {
                assertEquals(value, radio(config).get("name"));
                assertQuotedIn(value, helm.at("spec", "exclude"));
            }
            case EMBEDDED_VALUE -> {
                assertEquals(value, radio(config).get("default"));
                assertTrue(choices(config).contains(value), () -> "no radio choice " + value);
            }
            case EXTERNAL_VALUE -> {
                assertTrue(choices(config).contains(value), () -> "no radio choice " + value);
                assertQuotedIn(value, helm.at("spec", "exclude"));
            }
            case PASSWORD_OPTION -> {
                assertTrue(
                        items(config).stream()
                                .anyMatch(i -> value.equals(i.get("name")) && Boolean.TRUE.equals(i.get("hidden"))),
                        () -> "no hidden config item named " + value);
                assertQuotedIn(value, helm.at("spec", "values", "global", "postgresql", "auth", "password"));
            }
            default -> throw new AssertionError("not a free-text field: " + field);
        }
    }

    /** A KOTS template argument: the value between double quotes, whole. */
    private static void assertQuotedIn(String value, Object template) {
        assertTrue(template instanceof String s && s.contains("\"" + value + "\""),
                () -> "\"" + value + "\" not an argument of " + template);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(ManifestView config) {
        return (List<Map<String, Object>>) config.at("spec", "groups", 0, "items");
    }

    private static Map<String, Object> radio(ManifestView config) {
        List<Map<String, Object>> radios = items(config).stream().filter(i -> "radio".equals(i.get("type"))).toList();
        assertEquals(1, radios.size(), "radio items");
        return radios.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> choices(ManifestView config) {
        return ((List<Map<String, Object>>) radio(config).get("items")).stream().map(i -> i.get("name")).toList();
    }
}
