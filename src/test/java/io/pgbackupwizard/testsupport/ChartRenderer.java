package io.pgbackupwizard.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.marcnuri.helm.Helm;

import io.pgbackupwizard.chart.ChartFamily;

/**
 * Renders a real Bitnami postgresql chart (the sources pinned in {@code test-inputs/inputs.lock}, see {@link TestInputs})
 * with helm-java, offline, as {@code helm template} would.
 *
 * <pre>
 * ChartRenderer.Rendered r = ChartRenderer.render("17.1.0", "postgresql", values);
 * r.requireOk(); // or assert r.ok() / r.error() for "Helm fails with ..."
 * RenderedPod pod = RenderedPod.of(r);
 * </pre>
 */
public final class ChartRenderer {
    private ChartRenderer() {
    }

    /** Chart sources, relative to the reference directory. */
    public static final String CHARTS = "bitnami-postgresql/charts";

    /** The outcome: the rendered objects (one map per YAML document), or Helm's error text. */
    public record Rendered(String version, String releaseName, List<Map<String, Object>> objects, String error) {
        public boolean ok() {
            return error == null;
        }

        /** Fails the test with Helm's own message when rendering failed. */
        public Rendered requireOk() {
            if (!ok())
                fail("helm template of chart " + version + " failed: " + error);
            return this;
        }

        /** Every rendered object of this kind ("StatefulSet", "Secret", ...). */
        public List<Map<String, Object>> ofKind(String kind) {
            return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        }
    }

    /** Where each family's chart sources sit among the test inputs: the prefix before the version. */
    public static String sources(ChartFamily family) {
        return switch (family) {
            case BITNAMI -> CHARTS + "/postgresql-";
            case CLOUDPIRATES -> "charts-2026/cloudpirates/postgres-";
            case GROUNDHOG2K -> "charts-2026/groundhog2k/postgres-";
            case CLOUDNATIVEPG -> "charts-2026/cloudnative-pg/cluster-";
            case STATEFULSET -> "no-chart/"; // the vendor's own: OwnStatefulSetRoundTripTest renders a vendor chart
        };
    }

    /** Every Bitnami chart version in the reference directory, oldest first. */
    public static List<String> versions() {
        return versions(ChartFamily.BITNAMI);
    }

    /** Every version of the family's chart among the test inputs, oldest first. */
    public static List<String> versions(ChartFamily family) {
        String prefix = sources(family);
        return TestInputs.lock().stream().filter(i -> i.path().startsWith(prefix))
                .map(i -> i.path().substring(prefix.length()))
                .sorted(Comparator.comparing(ChartRenderer::versionKey)).toList();
    }

    /** The chart directory of one Bitnami version; fails naming the directory when it is absent. */
    public static Path chartDir(String version) {
        return chartDir(ChartFamily.BITNAMI, version);
    }

    /** The chart directory of one version of the family's chart; fails naming the directory when it is absent. */
    public static Path chartDir(ChartFamily family, String version) {
        Path dir = TestInputs.path(sources(family) + version);
        if (!Files.isRegularFile(dir.resolve("Chart.yaml")))
            fail("chart sources not found: " + dir);
        return family == ChartFamily.CLOUDNATIVEPG ? renderable(dir) : dir;
    }

    private static final Map<Path, Path> RENDERABLE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A copy of the cloudnative-pg cluster chart that helm-java 0.0.15 renders whole: without its Chart.yaml's
     * kubeVersion ("&gt;=1.29.0-0": the client-only template checks against Helm's default Kubernetes 1.20 and takes no
     * --kube-version), and with its ObjectStores' helm.sh/hook annotation taken out (the template leaves hook
     * resources out of its output). What the copy does not prove: that the cluster's Kubernetes satisfies the
     * constraint, and when Helm applies the ObjectStores (pre-install and pre-upgrade, before the Cluster).
     */
    private static Path renderable(Path dir) {
        return RENDERABLE.computeIfAbsent(dir, d -> {
            try {
                Path copy = Files.createTempDirectory("pgwiz-chart-").resolve(d.getFileName());
                try (var files = Files.walk(d)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Path to = copy.resolve(d.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(to);
                            continue;
                        }
                        String name = f.getFileName().toString();
                        if (name.equals("Chart.yaml") || name.endsWith("-objectstore.yaml")) {
                            String text = Files.readString(f).lines()
                                    .filter(l -> !l.startsWith("kubeVersion:") && !l.contains("\"helm.sh/hook\":"))
                                    .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
                            Files.writeString(to, text);
                        } else {
                            Files.copy(f, to);
                        }
                    }
                }
                return copy;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The family's chart's own values.yaml. */
    public static Map<String, Object> defaultValues(ChartFamily family, String version) {
        return ManifestView.load(TestInputs.read(sources(family) + version + "/values.yaml"));
    }

    /** Renders the family's chart {@code version} as release {@code releaseName} with {@code values}. */
    public static Rendered render(ChartFamily family, String version, String releaseName, Map<String, Object> values) {
        return renderChart(version, chartDir(family, version), releaseName, "app", new Yaml().dump(values), Map.of());
    }

    /** Renders chart {@code version} as release {@code releaseName} with {@code values} (KOTS-rendered, no templates). */
    public static Rendered render(String version, String releaseName, Map<String, Object> values) {
        return renderYaml(version, releaseName, new Yaml().dump(values));
    }

    /** As {@link #render}, with the values file written exactly as given (to test how Helm's Go reader takes the text). */
    public static Rendered renderYaml(String version, String releaseName, String valuesYaml) {
        return renderChart(version, chartDir(version), releaseName, "app", valuesYaml, Map.of());
    }

    /**
     * Renders any chart directory (a vendor chart around the Bitnami one, the Velero chart) into {@code namespace};
     * {@code sets} are --set values, for what a cluster or the customer would supply.
     */
    public static Rendered renderDir(Path chart, String releaseName, String namespace, String valuesYaml,
            Map<String, String> sets) {
        return renderChart(chart.getFileName().toString(), chart, releaseName, namespace, valuesYaml, sets);
    }

    private static Rendered renderChart(String version, Path chart, String releaseName, String namespace,
            String valuesYaml, Map<String, String> sets) {
        EmptyKubeApi.ensureStarted();
        Path valuesFile;
        try {
            valuesFile = Files.createTempFile("pgwiz-values-", ".yaml");
            Files.writeString(valuesFile, valuesYaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            var template = new Helm(chart).template().withName(releaseName).withNamespace(namespace)
                    .withValuesFile(valuesFile);
            sets.forEach(template::set);
            String out = template.call();
            return new Rendered(version, releaseName, parse(out), null);
        } catch (RuntimeException e) {
            return new Rendered(version, releaseName, List.of(), String.valueOf(e.getMessage()));
        } finally {
            try {
                Files.deleteIfExists(valuesFile);
            } catch (IOException ignored) {
                // temp file
            }
        }
    }

    /** What the chart's own values.schema.json (draft 7, as Helm reads it) says against the values; empty without one. */
    public static java.util.Set<String> schemaProblems(Path chartDir, Map<String, Object> values) {
        Path schema = chartDir.resolve("values.schema.json");
        if (!Files.isRegularFile(schema))
            return java.util.Set.of();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        try {
            // Schemas name the unversioned meta-schema URL, which the validator cannot load offline: draft 7.
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(schema.toFile());
            tree.remove("$schema");
            return com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V7)
                    .getSchema(tree).validate(json.valueToTree(values)).stream()
                    .map(com.networknt.schema.ValidationMessage::getMessage)
                    .collect(java.util.stream.Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parse(String stream) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(options)).loadAll(stream)) {
            if (doc instanceof Map<?, ?> m)
                docs.add((Map<String, Object>) m);
        }
        return docs;
    }

    private static String versionKey(String v) {
        StringBuilder key = new StringBuilder();
        for (String part : v.split("\\."))
            key.append(String.format("%05d", Integer.parseInt(Objects.requireNonNull(part))));
        return key.toString();
    }
}
