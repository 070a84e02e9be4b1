package io.pgbackupwizard.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.pgbackupwizard.testsupport.ChartRenderer;
import io.pgbackupwizard.testsupport.ManifestView;
import io.pgbackupwizard.testsupport.RenderedPod;
import io.pgbackupwizard.testsupport.TestInputs;

/**
 * Every row of the Bitnami facts table against the real chart of each version the test inputs hold: the chart's
 * own values.yaml and its rendering with real Helm, under two release names (one the fullname rule shortens).
 * A row that says something the chart does not do fails here, naming the fact and the version.
 */
@Tag("slow") // renders every chart generation: runs in mvn verify (Failsafe)
class ChartFactsTest {

    static final ChartFamily FAMILY = ChartFamily.BITNAMI;

    static List<String> versions() {
        return ChartRenderer.versions();
    }

    @ParameterizedTest(name = "chart {0}")
    @MethodSource("versions")
    void theRowSaysWhatTheChartDoes(String version) {
        ChartFacts f = FAMILY.facts(FAMILY.version(version));
        Map<String, Object> defaults = ManifestView
                .load(TestInputs.read(ChartRenderer.CHARTS + "/postgresql-" + version + "/values.yaml"));
        List<String> wrong = new ArrayList<>();

        check(wrong, "podKey", defaults.get(f.podKey()) instanceof Map, f.podKey() + " is not a map in values.yaml");
        Map<?, ?> image = (Map<?, ?>) defaults.get("image");
        check(wrong, "image",
                f.imageRegistry().equals(image.get("registry")) && f.imageRepository().equals(image.get("repository")),
                "values.yaml names " + image.get("registry") + "/" + image.get("repository"));
        Object preset = ((Map<?, ?>) defaults.get(f.podKey())).get("resourcesPreset");
        check(wrong, "resourcesPreset",
                f.resourcesPreset() == null ? preset == null || "none".equals(preset) : f.resourcesPreset().equals(preset),
                "values.yaml's " + f.podKey() + ".resourcesPreset is " + preset);

        // The wizard always names the user; the chart's superuser password depends on it.
        Map<String, Object> values = new LinkedHashMap<>();
        put(values, f.credential(f.usernameKey()), "app_user");
        for (String release : List.of("postgresql", "app")) {
            RenderedPod pod = RenderedPod.of(ChartRenderer.render(version, release, values));
            String container = f.containerName(release);
            check(wrong, "container", pod.containerNames().contains(container),
                    release + ": containers " + pod.containerNames());
            if (!pod.containerNames().contains(container))
                continue;
            check(wrong, "volumes", new HashSet<>(pod.volumeNames()).equals(Set.copyOf(f.volumes())),
                    release + ": volumes " + pod.volumeNames());
            Map<String, Object> labels = pod.labels();
            f.podLabels().forEach((k, v) -> check(wrong, "podLabels", v.equals(labels.get(k)), release + ": labels " + labels));
            check(wrong, "instanceLabel", release.equals(labels.get(f.instanceLabel())), release + ": labels " + labels);
            Set<String> env = pod.env(container).keySet();
            check(wrong, "passwordFilesByDefault", f.passwordFilesByDefault() == env.contains("POSTGRES_PASSWORD_FILE")
                    && f.passwordFilesByDefault() != env.contains("POSTGRES_PASSWORD"), release + ": env " + env);
            // One way only: 10.16.2 sets it too, but the earlier 10.x are not among the inputs, so the row relies on it from 11.
            check(wrong, "superuserPassword", !f.superuserPassword() || env.contains("POSTGRES_POSTGRES_PASSWORD")
                    || env.contains("POSTGRES_POSTGRES_PASSWORD_FILE"), release + ": env " + env);
        }
        // The switch for password files flips the default.
        put(values, f.passwordFilesFlag(), !f.passwordFilesByDefault());
        Set<String> flipped = RenderedPod.of(ChartRenderer.render(version, "postgresql", values))
                .env(f.containerName("postgresql")).keySet();
        check(wrong, "passwordFilesFlag", flipped.contains("POSTGRES_PASSWORD_FILE") != f.passwordFilesByDefault(),
                String.join(".", f.passwordFilesFlag()) + ": " + !f.passwordFilesByDefault() + " gives env " + flipped);
        assertEquals(List.of(), wrong, "facts of chart " + version + " (" + f.versions() + ") that the chart does not do");
    }

    /**
     * A row no test-input chart falls in is a fact nobody checked. The one known: 16.6.0-16.7.24 (no such chart among
     * the inputs); it differs from the 16.7.25 row, which 16.7.27 checks, only in the image check.
     */
    @Test
    void everyRowButOneIsCheckedByAChartOfItsRange() {
        Set<ChartFacts> checked = new HashSet<>();
        for (String v : versions())
            checked.add(FAMILY.facts(FAMILY.version(v)));
        List<String> unchecked = FAMILY.table().rows().entrySet().stream()
                .filter(e -> !checked.contains(e.getValue())).map(e -> e.getKey().toString()).toList();
        assertEquals(List.of("16.6.0"), unchecked, "rows without a chart among the test inputs");
    }

    /** The presets' memory limits, as bitnami/common's _resources.tpl in every chart with presets writes them. */
    @Test
    void presetMemoryLimitsAreTheCommonLibrarys() {
        java.util.regex.Pattern preset = java.util.regex.Pattern.compile(
                "\"([0-9a-z]+)\" \\(dict\\s+\"requests\"[^\\n]*\\n\\s+\"limits\" \\(dict [^)]*\"memory\" \"([0-9]+Mi)\"");
        int charts = 0;
        for (String v : versions()) {
            if (!FAMILY.facts(FAMILY.version(v)).limitsByDefault())
                continue;
            String tpl = TestInputs.read(ChartRenderer.CHARTS + "/postgresql-" + v + "/charts/common/templates/_resources.tpl");
            java.util.regex.Matcher m = preset.matcher(tpl);
            Map<String, String> seen = new java.util.TreeMap<>();
            while (m.find())
                seen.put(m.group(1), m.group(2));
            assertEquals(7, seen.size(), "presets in chart " + v + ": " + seen);
            seen.forEach((name, memory) -> assertEquals(java.util.Optional.of(memory), FAMILY.presetMemoryLimit(name),
                    name + " in chart " + v));
            charts++;
        }
        assertTrue(charts >= 3, "charts with presets among the inputs: " + charts);
    }

    @Test
    void rangesReadAsPeopleWriteThem() {
        assertEquals("8.0.0-9.x", FAMILY.versionsWhere(f -> f.podKey().equals("master")));
        assertEquals("10.0.0 and later", FAMILY.versionsWhere(f -> f.podKey().equals("primary")));
        assertEquals("11.0.0-16.5.x", FAMILY.versionsWhere(f -> f.layout().equals("AUTH")));
        assertEquals("16.3.0-16.7.24", FAMILY.versionsWhere(f -> f.imageCheck() == ChartFacts.ImageCheck.FAILS));
        assertEquals("none", FAMILY.versionsWhere(f -> false));
        assertEquals("11.0.0-13.x", FAMILY.facts(ChartVersion.parse("12.0.0")).versions(), "a row ends where the next starts");
        assertEquals("16.7.25 and later", FAMILY.facts(ChartVersion.parse("17.1.0")).versions());
    }

    @Test
    void versionsBeforeTheOldestRowAreRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FAMILY.version("7.9.9"));
        assertEquals("chart versions before 8.0.0 are not supported (oldest layout: 8.x)", e.getMessage());
        assertEquals("8.0.0", FAMILY.table().oldest().toString());
    }

    @Test
    void rowsGoOldestFirst() {
        assertThrows(IllegalStateException.class, () -> FactsTable.from("9.0.0", b -> b).since("8.0.0", b -> b));
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> values, List<String> path, Object value) {
        Map<String, Object> at = values;
        for (String key : path.subList(0, path.size() - 1)) {
            at = (Map<String, Object>) at.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
        }
        at.put(path.get(path.size() - 1), value);
    }

    private static void check(List<String> wrong, String fact, boolean ok, String seen) {
        if (!ok)
            wrong.add(fact + ": " + seen);
    }
}
