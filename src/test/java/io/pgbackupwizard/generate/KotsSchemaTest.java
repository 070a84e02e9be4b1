package io.pgbackupwizard.generate;

import static io.pgbackupwizard.testsupport.ManifestView.valueAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.pgbackupwizard.testsupport.Matrix;
import io.pgbackupwizard.testsupport.TestInputs;

/**
 * Every HelmChart and Config the wizard emits is valid against the official kotskinds JSON schemas (read at
 * test time from the shared reference directory), for every chart generation, KOTS API version and choice
 * of external PostgreSQL. The schemas allow unknown keys (no additionalProperties: false), so a second check
 * makes sure every key is one the schema declares: KOTS would silently ignore anything else.
 */
class KotsSchemaTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, JsonSchema> SCHEMAS = new LinkedHashMap<>();

    /** The schema file as a tree, for the declared-keys check. */
    static JsonNode schemaTree(String file) {
        try {
            return JSON.readTree(TestInputs.read("kotskinds/" + file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized JsonSchema schema(String file) {
        // The schemas are CRD-derived (OpenAPI v3 subset) and name no $schema; draft 7 reads them as meant.
        return SCHEMAS.computeIfAbsent(file,
                f -> JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaTree(f)));
    }

    static String helmChartSchemaFile(Map<String, Object> helmChart) {
        return switch ((String) helmChart.get("apiVersion")) {
            case "kots.io/v1beta1" -> "helmchart-kots-v1beta1.schema.json";
            case "kots.io/v1beta2" -> "helmchart-kots-v1beta2.schema.json";
            default -> throw new AssertionError("unknown HelmChart apiVersion " + helmChart.get("apiVersion"));
        };
    }

    static final String CONFIG_SCHEMA = "config-kots-v1beta1.schema.json";

    static List<String> violations(String schemaFile, Map<String, Object> manifest) {
        Set<ValidationMessage> messages = schema(schemaFile).validate(JSON.valueToTree(manifest));
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /**
     * Keys the schema does not declare, wherever the schema lists {@code properties} and does not open the
     * object with {@code additionalProperties} (as it does for free-form parts such as spec.values).
     */
    static List<String> undeclaredKeys(JsonNode schema, Object doc, String path) {
        List<String> out = new ArrayList<>();
        collectUndeclared(schema, doc, path, out);
        return out;
    }

    private static void collectUndeclared(JsonNode schema, Object doc, String path, List<String> out) {
        if (doc instanceof Map<?, ?> m && schema.has("properties")) {
            JsonNode declared = schema.get("properties");
            boolean open = schema.has("additionalProperties");
            m.forEach((k, v) -> {
                String at = path + "." + k;
                if (declared.has((String) k))
                    collectUndeclared(declared.get((String) k), v, at, out);
                else if (!open)
                    out.add(at);
            });
        } else if (doc instanceof List<?> l && schema.has("items")) {
            for (int i = 0; i < l.size(); i++)
                collectUndeclared(schema.get("items"), l.get(i), path + "[" + i + "]", out);
        }
    }

    static Stream<Generated> everyCombination() {
        return Matrix.chartPerFactsRowOfEveryFamily().stream()
                .flatMap(chart -> Stream.of("kots.io/v1beta1", "kots.io/v1beta2")
                        .flatMap(api -> Stream.of("true", "false")
                                // The default name emits no releaseName; another name does, in the API's own place.
                                .flatMap(external -> Stream.of("postgresql", "orders-db")
                                        .map(name -> Generated.with("chartFamily", chart.family().param(), "chartVersion",
                                                chart.version(), "apiVersion", api, "allowExternal", external, "name", name,
                                                "installPath", "kots")))));
    }

    /** Two API versions x external or not x two names, for a chart of every facts row of every family; none the same. */
    @Test
    void everyCombinationIsDistinctAndEveryFactsRowIsThere() {
        assertEquals(
                java.util.Arrays.stream(io.pgbackupwizard.chart.ChartFamily.values()).filter(f -> !f.ownWorkload())
                        .mapToInt(f -> f.table().rows().size())
                        .sum(),
                Matrix.chartPerFactsRowOfEveryFamily().size());
        assertEquals(8L * Matrix.chartPerFactsRowOfEveryFamily().size(),
                everyCombination().map(g -> g.input().toString()).distinct().count());
    }

    @ParameterizedTest
    @MethodSource("everyCombination")
    void helmChartIsValidForItsApiVersion(Generated g) {
        Map<String, Object> helmChart = g.helmChart();
        assertEquals(List.of(), violations(helmChartSchemaFile(helmChart), helmChart));
    }

    @ParameterizedTest
    @MethodSource("everyCombination")
    void configIsValid(Generated g) {
        assertEquals(List.of(), violations(CONFIG_SCHEMA, g.config()));
    }

    @ParameterizedTest
    @MethodSource("everyCombination")
    void helmChartUsesOnlyKeysItsSchemaDeclares(Generated g) {
        Map<String, Object> helmChart = g.helmChart();
        assertEquals(List.of(), undeclaredKeys(schemaTree(helmChartSchemaFile(helmChart)), helmChart, ""));
    }

    @ParameterizedTest
    @MethodSource("everyCombination")
    void configUsesOnlyKeysItsSchemaDeclares(Generated g) {
        assertEquals(List.of(), undeclaredKeys(schemaTree(CONFIG_SCHEMA), g.config(), ""));
    }

    @ParameterizedTest
    @MethodSource("everyCombination")
    void keysEachApiVersionDroppedOrMovedAreAbsent(Generated g) {
        Map<String, Object> helmChart = g.helmChart();
        if (g.input().apiVersion().value().equals("kots.io/v1beta2")) {
            assertNull(valueAt(helmChart, "spec", "chart", "releaseName"), "v1beta2: releaseName lives under spec");
            assertNull(valueAt(helmChart, "spec", "helmVersion"), "v1beta2 has no helmVersion");
            assertNull(valueAt(helmChart, "spec", "useHelmInstall"), "v1beta2 has no useHelmInstall");
        } else {
            assertNull(valueAt(helmChart, "spec", "releaseName"), "v1beta1: releaseName lives under spec.chart");
        }
    }

    @ParameterizedTest
    @MethodSource("everyCombination")
    void theVeleroBackupIsWhatKotsLooksFor(Generated g) {
        assertEquals(Map.of("apiVersion", "velero.io/v1", "kind", "Backup", "metadata", Map.of("name", "backup"),
                "spec", Map.of()), g.backup());
    }

    /** The checks above only mean something if they can fail. */
    @Nested
    class TheChecksCatchBrokenManifests {

        @SuppressWarnings("unchecked")
        static Map<String, Object> chartOf(Map<String, Object> helmChart) {
            return (Map<String, Object>) ((Map<String, Object>) helmChart.get("spec")).get("chart");
        }

        @Test
        void aChartWithoutChartVersionIsInvalid() {
            Map<String, Object> helmChart = Generated.defaults().helmChart();
            chartOf(helmChart).remove("chartVersion");
            List<String> v1 = violations("helmchart-kots-v1beta1.schema.json", helmChart);
            helmChart.put("apiVersion", "kots.io/v1beta2");
            List<String> v2 = violations("helmchart-kots-v1beta2.schema.json", helmChart);
            for (List<String> violations : List.of(v1, v2)) {
                assertEquals(1, violations.size(), () -> "violations: " + violations);
                assertTrue(violations.get(0).contains("chartVersion"), violations.get(0));
            }
        }

        @Test
        void aNumericChartVersionIsInvalid() {
            Map<String, Object> helmChart = Generated.defaults().helmChart();
            chartOf(helmChart).put("chartVersion", 8.7);
            assertFalse(violations("helmchart-kots-v1beta1.schema.json", helmChart).isEmpty());
        }

        @Test
        @SuppressWarnings("unchecked")
        void aConfigItemWithoutTypeIsInvalid() {
            Map<String, Object> config = Generated.defaults().config();
            List<Map<String, Object>> groups = (List<Map<String, Object>>) ((Map<String, Object>) config.get("spec"))
                    .get("groups");
            ((List<Map<String, Object>>) groups.get(0).get("items")).get(0).remove("type");
            List<String> violations = violations(CONFIG_SCHEMA, config);
            assertEquals(1, violations.size(), () -> "violations: " + violations);
            assertTrue(violations.get(0).contains("type"), violations.get(0));
        }

        @Test
        void aV1beta1ChartReleaseNameIsUndeclaredInV1beta2() {
            Map<String, Object> helmChart = Generated.with("name", "orders-db", "apiVersion", "kots.io/v1beta1").helmChart();
            helmChart.put("apiVersion", "kots.io/v1beta2");
            // useHelmInstall, which v1beta1 output writes, is gone in v1beta2 too.
            assertEquals(java.util.Set.of(".spec.chart.releaseName", ".spec.useHelmInstall"), java.util.Set.copyOf(
                    undeclaredKeys(schemaTree("helmchart-kots-v1beta2.schema.json"), helmChart, "")));
            assertEquals(List.of(), undeclaredKeys(schemaTree("helmchart-kots-v1beta1.schema.json"), helmChart, ""));
        }

        @Test
        @SuppressWarnings("unchecked")
        void anUnknownSpecKeyIsUndeclaredButValuesAreFreeForm() {
            Map<String, Object> helmChart = Generated.defaults().helmChart();
            Map<String, Object> spec = (Map<String, Object>) helmChart.get("spec");
            spec.put("useHelmInstall", true);
            spec.put("valuez", Map.of());
            ((Map<String, Object>) spec.get("values")).put("anything", Map.of("goes", "here"));
            assertEquals(List.of(".spec.useHelmInstall", ".spec.valuez"),
                    undeclaredKeys(schemaTree("helmchart-kots-v1beta2.schema.json"), helmChart, "").stream().sorted()
                            .collect(Collectors.toList()));
        }
    }
}
