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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.pgbackupwizard.testsupport.ChartRenderer;
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

    /** Every chart of every family among the test inputs. */
    static List<Arguments> charts() {
        List<Arguments> out = new ArrayList<>();
        for (ChartFamily family : ChartFamily.values()) {
            if (family.backsItselfUp() || family.ownWorkload())
                continue; // no pod of its own (theClusterRow...), or no chart (OwnStatefulSetRoundTripTest) // no pod of its own: theClusterRowSaysWhatTheClusterChartDoes
            List<String> versions = ChartRenderer.versions(family);
            assertTrue(versions.size() >= 2, () -> family + ": charts among the test inputs: " + versions);
            versions.forEach(v -> out.add(Arguments.of(family, v)));
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("charts")
    void theRowSaysWhatTheChartDoes(ChartFamily family, String version) {
        ChartFacts f = family.facts(family.version(version));
        Map<String, Object> defaults = ChartRenderer.defaultValues(family, version);
        List<String> wrong = new ArrayList<>();

        Map<?, ?> pod = f.podKey().isEmpty() ? defaults : (Map<?, ?>) defaults.get(f.podKey());
        check(wrong, "podKey", pod != null && pod.get("podAnnotations") instanceof Map
                && (f.usesChartScratch() || pod.get("extraVolumes") != null),
                "values.yaml has no " + String.join(".", f.podPath("podAnnotations")) + " map or extraVolumes");
        check(wrong, "scratchVolume", !f.usesChartScratch() || pod.get("extraVolumes") == null,
                "values.yaml has extraVolumes: the values could add the scratch volume");
        Map<?, ?> image = (Map<?, ?>) defaults.get("image");
        check(wrong, "image",
                f.imageRegistry().equals(image.get("registry")) && f.imageRepository().equals(image.get("repository")),
                "values.yaml names " + image.get("registry") + "/" + image.get("repository"));
        Object preset = pod == null ? null : pod.get("resourcesPreset");
        check(wrong, "resourcesPreset",
                f.resourcesPreset() == null ? preset == null || "none".equals(preset) : f.resourcesPreset().equals(preset),
                "values.yaml's resourcesPreset is " + preset);
        if (f.resourcesPreset() == null && pod != null && pod.get("resources") instanceof Map<?, ?> r)
            check(wrong, "resourcesPreset", !(r.get("limits") instanceof Map<?, ?> l) || l.isEmpty(),
                    "values.yaml sets limits " + r);

        // The wizard always names the user (and where the chart asks, the database, password and superuser password).
        Map<String, Object> values = new LinkedHashMap<>();
        put(values, f.credential(f.usernameKey()), "app_user");
        if (f.superuserPasswordPath() != null) {
            put(values, f.credential(f.databaseKey()), "app_db");
            put(values, f.credential(f.passwordKey()), "app-pw");
            put(values, f.superuserPasswordPath(), "root-pw");
        }
        for (String release : List.of(family.chartName(), "app")) {
            RenderedPod rendered = RenderedPod.of(ChartRenderer.render(family, version, release, values));
            String container = f.containerName(release, family.chartName());
            check(wrong, "container", rendered.containerNames().contains(container),
                    release + ": containers " + rendered.containerNames());
            if (!rendered.containerNames().contains(container))
                continue;
            check(wrong, "volumes", new HashSet<>(rendered.volumeNames()).equals(Set.copyOf(f.volumes())),
                    release + ": volumes " + rendered.volumeNames());
            check(wrong, "anyVersionVolumes", family.anyVersionVolumes().containsAll(emptyDirsAndClaims(rendered)),
                    release + ": volumes " + rendered.volumeNames());
            Map<String, Object> labels = rendered.labels();
            f.podLabels(family.chartName())
                    .forEach((k, v) -> check(wrong, "podLabels", v.equals(labels.get(k)), release + ": labels " + labels));
            check(wrong, "instanceLabel", release.equals(labels.get(f.instanceLabel())), release + ": labels " + labels);
            Map<String, String> env = rendered.env(container);
            check(wrong, "passwordFilesByDefault",
                    f.passwordFilesByDefault() == env.containsKey("POSTGRES_PASSWORD_FILE")
                            && f.passwordFilesByDefault() != env.containsKey("POSTGRES_PASSWORD"),
                    release + ": env " + env.keySet());
            // One way only: 10.16.2 sets it too, but the earlier 10.x are not among the inputs, so the row relies on it from 11.
            check(wrong, "superuserPassword", !f.superuserPassword() || env.containsKey(f.superuserPasswordVariable())
                    || env.containsKey(f.superuserPasswordVariable() + "_FILE"), release + ": env " + env.keySet());
            check(wrong, "appPasswordVariable", env.containsKey(f.appPasswordVariable())
                    || env.containsKey(f.appPasswordVariable() + "_FILE"), release + ": env " + env.keySet());
            if (f.superuserPasswordPath() != null)
                check(wrong, "superuserPasswordPath", "root-pw".equals(env.get(f.superuserPasswordVariable())),
                        release + ": env " + env);
            if (f.usesChartScratch()) {
                check(wrong, "scratchVolume", rendered.writableMounts(container).stream().anyMatch(
                        m -> m.volume().equals(f.scratchVolume()) && m.mountPath().equals(f.scratchMount()))
                        && !rendered.emptyDirMedium(f.scratchVolume()).equals("Memory"),
                        release + ": mounts " + rendered.writableMounts(container));
            }
            // The official image's POSTGRES_USER is the superuser it creates: the chart's user must land there.
            check(wrong, "userIsSuperuser", !f.userIsSuperuser() || "app_user".equals(env.get("POSTGRES_USER")),
                    release + ": env " + env);
            check(wrong, "portVariable", f.portVariable() == null ? !env.containsKey("PGPORT")
                    : env.containsKey(f.portVariable()), release + ": env " + env.keySet());
        }
        if (!f.passwordFilesFlag().isEmpty()) {
            // The switch for password files flips the default.
            put(values, f.passwordFilesFlag(), !f.passwordFilesByDefault());
            Set<String> flipped = RenderedPod.of(ChartRenderer.render(family, version, family.chartName(), values))
                    .env(f.containerName(family.chartName(), family.chartName())).keySet();
            check(wrong, "passwordFilesFlag", flipped.contains("POSTGRES_PASSWORD_FILE") != f.passwordFilesByDefault(),
                    String.join(".", f.passwordFilesFlag()) + ": " + !f.passwordFilesByDefault() + " gives env " + flipped);
        }
        assertEquals(List.of(), wrong,
                "facts of " + family.title() + " " + version + " (" + f.versions() + ") that the chart does not do");
    }

    /** The pod's volumes a file-system backup could copy: Secret, ConfigMap and projected volumes it never does. */
    private static Set<String> emptyDirsAndClaims(RenderedPod pod) {
        return Set.copyOf(pod.volumeNames().stream().filter(n -> pod.copyableVolume(n)).toList());
    }

    /**
     * CloudNativePG's cluster chart makes a Cluster, not a pod: its row's keys are where the values put the owner, the
     * database, the labels and the pull secrets, and its image (with the tag the wizard writes when none is given) is
     * what the chart renders by default.
     */
    @Test
    void theClusterRowSaysWhatTheClusterChartDoes() {
        ChartFamily family = ChartFamily.CLOUDNATIVEPG;
        for (String version : ChartRenderer.versions(family)) {
            ChartFacts f = family.facts(family.version(version));
            Map<String, Object> rendered = ChartRenderer.render(family, version, "db", Map.of()).requireOk()
                    .ofKind("Cluster").get(0);
            assertEquals(f.imageRegistry() + "/" + f.imageRepository() + ":" + family.defaultImageTag(),
                    ((Map<?, ?>) rendered.get("spec")).get("imageName"), "the chart's default image");

            Map<String, Object> values = new LinkedHashMap<>();
            put(values, f.credential(f.usernameKey()), "app_user");
            put(values, f.credential(f.databaseKey()), "app_db");
            put(values, List.of(f.podKey(), f.workloadLabelsKey(), "team"), "db");
            put(values, List.of(f.podKey(), "imagePullSecrets"), List.of(Map.of("name", "pull")));
            Map<String, Object> cluster = ChartRenderer.render(family, version, "db", values).requireOk()
                    .ofKind("Cluster").get(0);
            Map<?, ?> spec = (Map<?, ?>) cluster.get("spec");
            assertEquals(Map.of("owner", "app_user", "database", "app_db"),
                    ((Map<?, ?>) spec.get("bootstrap")).get("initdb"), "the owner and database keys");
            assertEquals("db", ((Map<?, ?>) ((Map<?, ?>) cluster.get("metadata")).get("labels")).get("team"),
                    "cluster." + f.workloadLabelsKey() + " labels the Cluster");
            assertEquals(f.pullSecretsAsRefs() ? List.of(Map.of("name", "pull")) : null, spec.get("imagePullSecrets"));
        }
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
        assertEquals("Bitnami postgresql chart versions before 8.0.0 are not supported (the oldest the wizard's facts"
                + " describe)", e.getMessage());
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
