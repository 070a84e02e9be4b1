package io.pgbackupwizard.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.pgbackupwizard.generate.Release;
import io.pgbackupwizard.generate.migrate.MigrationChart;

/**
 * The migration chart as a release ships it: its files written out as the vendor's folder (the one helm package
 * makes the .tgz from) and rendered by real Helm, read back as the Job and its script. Stand-in: helm-java 0.0.15
 * leaves hook resources out of its output, so the chart renders from a copy without its helm.sh/hook line (the tests
 * check that line in the template).
 */
public record MigrationJob(ChartRenderer.Rendered rendered) {

    public static MigrationJob render(Release release, String releaseName, Map<String, Object> values) {
        Path temp = null;
        try {
            temp = Files.createTempDirectory("pgwiz-migration-");
            Path dir = writeChart(release, temp);
            return new MigrationJob(ChartRenderer.renderDir(dir, releaseName, "app",
                    new org.yaml.snakeyaml.Yaml().dump(values), Map.of()).requireOk());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(temp);
        }
    }

    /**
     * Writes the release's migration chart folder under {@code parent} (as the vendor's charts/ or release holds it),
     * each template without its helm.sh/hook line (see the class comment), and returns the chart's folder.
     */
    public static Path writeChart(Release release, Path parent) throws IOException {
        Path dir = parent.resolve(MigrationChart.NAME);
        for (var file : release.files().entrySet()) {
            if (!file.getKey().startsWith(MigrationChart.FOLDER))
                continue;
            Path to = dir.resolve(file.getKey().substring(MigrationChart.FOLDER.length()));
            Files.createDirectories(to.getParent());
            String text = file.getValue();
            if (file.getKey().contains("/templates/"))
                text = text.lines().filter(l -> !l.contains("helm.sh/hook:")).collect(Collectors.joining("\n", "", "\n"));
            Files.writeString(to, text);
        }
        assertTrue(Files.isRegularFile(dir.resolve(MigrationChart.SCRIPT_FILE)), "the release holds the script");
        return dir;
    }

    /** Removes a folder the tests wrote (nothing else is ever passed). */
    public static void delete(Path dir) {
        if (dir == null)
            return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList())
                Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, Object> podSpec() {
        List<Map<String, Object>> jobs = rendered.ofKind("Job");
        assertEquals(1, jobs.size(), "one Job");
        return ManifestView.map(jobs.get(0), "spec", "template", "spec");
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> container() {
        List<Object> containers = ManifestView.list(podSpec(), "containers");
        assertEquals(1, containers.size());
        return (Map<String, Object>) containers.get(0);
    }

    /** name -> its value, or its secretKeyRef (a map of name and key). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> env() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object e : (List<Object>) container().get("env")) {
            Map<String, Object> m = (Map<String, Object>) e;
            out.put((String) m.get("name"), m.containsKey("value") ? m.get("value")
                    : ManifestView.map(m, "valueFrom", "secretKeyRef"));
        }
        return out;
    }

    /** The Service the application connects to during the move, made after the Job. */
    public Map<String, Object> gate() {
        List<Map<String, Object>> services = rendered.ofKind("Service").stream()
                .filter(s -> ManifestView.string(s, "metadata", "name").endsWith(MigrationChart.GATE_SUFFIX)
                        && "pgbw-migration".equals(ManifestView.valueAt(s, "metadata", "labels", "app.kubernetes.io/name")))
                .toList();
        assertEquals(1, services.size(), "one gate Service");
        return services.get(0);
    }

    /**
     * The gate resolves to the new chart's PostgreSQL pod (its selector within the StatefulSet's pod labels) on the
     * port its container listens on, and is headless.
     */
    @SuppressWarnings("unchecked")
    public void assertGateReaches(Map<String, Object> statefulSet) {
        Map<String, Object> gate = gate();
        assertEquals("None", ManifestView.valueAt(gate, "spec", "clusterIP"), "headless: resolves to the pod");
        Map<String, Object> podLabels = ManifestView.map(statefulSet, "spec", "template", "metadata", "labels");
        Map<String, Object> selector = ManifestView.map(gate, "spec", "selector");
        selector.forEach((k, v) -> assertEquals(v, podLabels.get(k), "the gate selects the new pod by " + k));
        Map<String, Object> container = (Map<String, Object>) ManifestView.list(statefulSet, "spec", "template", "spec",
                "containers").get(0);
        List<Object> ports = ManifestView.list(container, "ports");
        Object port = ((Map<String, Object>) ManifestView.list(gate, "spec", "ports").get(0)).get("targetPort");
        assertTrue(ports.stream().anyMatch(p -> port.equals(((Map<String, Object>) p).get("containerPort"))),
                () -> "the container listens on " + port + ": " + ports);
    }

    /** The script the Job's ConfigMap holds, as the container reads it from its mount. */
    public String script() {
        List<Map<String, Object>> maps = rendered.ofKind("ConfigMap");
        assertEquals(1, maps.size(), "one ConfigMap");
        return ManifestView.string(maps.get(0), "data", "copy.sh");
    }
}
