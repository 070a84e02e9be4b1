package io.pgbackupwizard.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.pgbackupwizard.testsupport.ChartRenderer;
import io.pgbackupwizard.testsupport.ManifestView;
import io.pgbackupwizard.testsupport.TestInputs;

/**
 * Every key the wizard writes under {@code spec.values} is one the targeted Bitnami postgresql chart version
 * knows: Helm silently ignores unknown keys, so a misplaced key would quietly drop the hooks or the
 * credentials. The chart's own default values.yaml of each generation is read at test time from the shared
 * reference directory (see {@link TestInputs}).
 *
 * <p>
 * The rule, for each key path the wizard writes:
 * <ul>
 * <li>descend the chart's defaults key by key; each key must exist there;</li>
 * <li>a path may end <em>inside</em> a map whose default is the empty map {@code {}}: that is Bitnami's
 * "fill in your own keys" convention. It covers {@code podAnnotations: {}} (annotation names are
 * free-form) and, in 8.x/9.x, {@code global.postgresql: {}};</li>
 * <li>lists such as {@code extraVolumes} are leaves: their items are Kubernetes objects, not chart keys;</li>
 * <li>a value has the same shape as the default: a list where the chart has a list, a map where it has a
 * non-empty map, a scalar where it has a scalar.</li>
 * </ul>
 */
class ChartValuesKeysTest {

    static Map<String, Object> chartDefaults(String chartVersion) {
        return ManifestView.load(TestInputs.read(ChartRenderer.CHARTS + "/postgresql-" + chartVersion + "/values.yaml"));
    }

    /** Values with every optional part turned on, so every key the wizard can write is checked. */
    static Map<String, Object> wizardValues(String chartVersion) {
        return Generated.with("chartVersion", chartVersion, "onError", "Continue", "restoreHook", "true",
                "allowExternal", "true").values();
    }

    /** Problems with the wizard's values against a chart's defaults, one line per offending path. */
    static List<String> unknownKeys(Map<String, Object> values, Map<String, Object> defaults) {
        List<String> problems = new ArrayList<>();
        check(values, defaults, "", problems);
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static void check(Map<String, Object> values, Map<String, Object> defaults, String path, List<String> problems) {
        if (defaults.isEmpty())
            return; // a "fill in" map: anything goes below it
        values.forEach((key, value) -> {
            String at = path.isEmpty() ? key : path + "." + key;
            if (!defaults.containsKey(key)) {
                problems.add(at + ": no such key in the chart's values");
                return;
            }
            Object chart = defaults.get(key);
            if (value instanceof Map<?, ?> m) {
                if (chart instanceof Map<?, ?> c)
                    check((Map<String, Object>) m, (Map<String, Object>) c, at, problems);
                else
                    problems.add(at + ": a map here, but the chart's default is " + chart);
            } else if (value instanceof List<?>) {
                if (!(chart instanceof List<?>))
                    problems.add(at + ": a list here, but the chart's default is " + chart);
            } else if (chart instanceof Map<?, ?> || chart instanceof List<?>) {
                problems.add(at + ": a scalar here, but the chart's default is " + chart);
            }
        });
    }

    static int keyPathCount(Map<String, Object> values) {
        int[] n = { 0 };
        ManifestView.walk(values, "", (path, leaf) -> n[0]++);
        return n[0];
    }

    @ParameterizedTest(name = "chart {0}")
    @MethodSource("io.pgbackupwizard.testsupport.Matrix#renderableChartVersionPerFactsRow")
    void everyValuesKeyExistsInThatChartVersion(String chartVersion) {
        Map<String, Object> values = wizardValues(chartVersion);
        assertTrue(keyPathCount(values) >= 6, () -> "the wizard writes pod and credential keys: " + values);
        assertEquals(List.of(), unknownKeys(values, chartDefaults(chartVersion)),
                () -> "keys the chart " + chartVersion + " does not know");
    }

    /** The check is not vacuous: each generation's keys are wrong for the others. */
    @ParameterizedTest(name = "values for {0} checked against chart {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "8.7.4,   17.1.0", // master.* is gone since 10.0.0
            "10.16.2, 8.7.4", // primary.* did not exist yet
            "17.1.0,  10.16.2", // global.postgresql.auth.* came with 11.0.0
            "10.16.2, 11.9.13" }) // global.postgresql.postgresql* left with 11.0.0
    void anotherGenerationsKeysAreReported(String valuesFor, String chart) {
        List<String> problems = unknownKeys(wizardValues(valuesFor), chartDefaults(chart));
        assertFalse(problems.isEmpty(), () -> "values for " + valuesFor + " must not fit chart " + chart);
    }

    @Test
    void aMisshapedValueIsReported() {
        Map<String, Object> defaults = chartDefaults("17.1.0");
        Map<String, Object> values = Map.of("primary", Map.of("extraVolumes", Map.of("name", "backup")));
        assertEquals(List.of("primary.extraVolumes: a map here, but the chart's default is []"), unknownKeys(values, defaults));
    }

    @Test
    void emptyDefaultMapsAreFillIn() {
        // podAnnotations: {} takes any annotation; a non-empty map does not take unknown keys.
        Map<String, Object> defaults = chartDefaults("17.1.0");
        assertEquals(List.of(), unknownKeys(Map.of("primary", Map.of("podAnnotations", Map.of("any/key", "x"))), defaults));
        assertEquals(List.of("primary.noSuchKey: no such key in the chart's values"),
                unknownKeys(Map.of("primary", Map.of("noSuchKey", "x")), defaults));
    }
}
