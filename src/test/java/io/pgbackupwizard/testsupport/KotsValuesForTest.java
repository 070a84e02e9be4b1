package io.pgbackupwizard.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import com.marcnuri.helm.Helm;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * STAND-IN, to be swapped at merge: a minimal private copy of the API of the shared test renderers being
 * written on branch {@code harness} ({@code testsupport.ChartRenderer} and {@code testsupport.KotsRenderer}),
 * with the same nested names and signatures. To swap: delete this file and change the two imports
 * {@code testsupport.KotsValuesForTest.ChartRenderer} / {@code .KotsRenderer} to {@code testsupport.ChartRenderer}
 * / {@code testsupport.KotsRenderer}.
 */
public final class KotsValuesForTest {
    private KotsValuesForTest() {}

    /** Renders a real Bitnami postgresql chart from ../shared/reference/bitnami-postgresql/charts with helm-java. */
    public static final class ChartRenderer {
        private ChartRenderer() {}

        public record Rendered(String version, String releaseName, List<Map<String, Object>> objects, String error) {
            public boolean ok() { return error == null; }

            public Rendered requireOk() {
                if (!ok()) fail("helm template of chart " + version + " failed: " + error);
                return this;
            }

            public List<Map<String, Object>> ofKind(String kind) {
                return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
            }
        }

        static Path chartsDir() {
            String configured = System.getProperty("reference.dir");
            Path ref = configured != null && !configured.isBlank() ? Path.of(configured).toAbsolutePath()
                    : Path.of("").toAbsolutePath().getParent().resolve("shared/reference");
            Path dir = ref.resolve("bitnami-postgresql/charts");
            if (!Files.isDirectory(dir)) fail("chart sources not found: " + dir + " (expected ../shared/reference)");
            return dir;
        }

        /** Every chart version in the reference directory, oldest first. */
        public static List<String> versions() {
            try (Stream<Path> dirs = Files.list(chartsDir())) {
                return dirs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("postgresql-"))
                        .map(n -> n.substring("postgresql-".length()))
                        .sorted(Comparator.comparing(v -> io.pgbackupwizard.model.ChartVersion.parse(v))).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public static Path chartDir(String version) {
            Path dir = chartsDir().resolve("postgresql-" + version);
            if (!Files.isRegularFile(dir.resolve("Chart.yaml"))) fail("chart sources not found: " + dir);
            return dir;
        }

        public static Rendered render(String version, String releaseName, Map<String, Object> values) {
            Path chart = chartDir(version);
            EmptyApiServer.start();
            try {
                Path file = Files.createTempFile("pgwiz-values-", ".yaml");
                try {
                    Files.writeString(file, new Yaml(new DumperOptions()).dump(values));
                    String out = new Helm(chart).template().withName(releaseName).withNamespace("app")
                            .withValuesFile(file).call();
                    List<Map<String, Object>> objects = new ArrayList<>();
                    // Duplicate keys (a label written twice) are an error, as the API server's strict decoding says.
                    LoaderOptions strict = new LoaderOptions();
                    strict.setAllowDuplicateKeys(false);
                    for (Object doc : new Yaml(new SafeConstructor(strict)).loadAll(out)) {
                        if (doc instanceof Map<?, ?> m) objects.add(cast(m));
                    }
                    return new Rendered(version, releaseName, objects, null);
                } finally {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                return new Rendered(version, releaseName, List.of(), String.valueOf(e.getMessage()));
            }
        }
    }

    /**
     * The charts' lookup of their own Secret needs an API server even for helm template (helm-java asks
     * localhost:8080 otherwise and fails). This one has no objects: every lookup finds nothing, as on a first
     * install. Helm reads KUBECONFIG from the environment the JVM started with, so pom.xml sets the path and
     * the file is written here, before the first render.
     */
    static final class EmptyApiServer {
        private static boolean started;

        static synchronized void start() {
            if (started) return;
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                server.createContext("/", exchange -> {
                    String path = exchange.getRequestURI().getPath();
                    String body;
                    int status = 200;
                    if (path.equals("/api")) {
                        body = "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"]}";
                    } else if (path.equals("/apis")) {
                        body = "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[]}";
                    } else if (path.equals("/api/v1")) {
                        StringBuilder r = new StringBuilder("{\"kind\":\"APIResourceList\",\"groupVersion\":\"v1\",\"resources\":[");
                        String[][] kinds = {{"secrets", "Secret"}, {"configmaps", "ConfigMap"}, {"services", "Service"},
                                {"persistentvolumeclaims", "PersistentVolumeClaim"}};
                        for (int i = 0; i < kinds.length; i++) {
                            r.append(i == 0 ? "" : ",").append("{\"name\":\"").append(kinds[i][0])
                                    .append("\",\"namespaced\":true,\"kind\":\"").append(kinds[i][1])
                                    .append("\",\"verbs\":[\"get\",\"list\"]}");
                        }
                        body = r.append("]}").toString();
                    } else {
                        status = 404;
                        body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}";
                    }
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(status, bytes.length);
                    exchange.getResponseBody().write(bytes);
                    exchange.close();
                });
                server.setExecutor(null);
                server.start();
                String configured = System.getenv("KUBECONFIG");
                if (configured == null || configured.isBlank()) {
                    throw new AssertionError("KUBECONFIG is not set for the test JVM: pom.xml's surefire configuration"
                            + " sets it (Helm's Go runtime reads the environment the JVM started with)");
                }
                Path kubeconfig = Path.of(configured);
                Files.createDirectories(kubeconfig.toAbsolutePath().getParent());
                Files.writeString(kubeconfig, """
                        apiVersion: v1
                        kind: Config
                        clusters: [{name: empty, cluster: {server: "http://127.0.0.1:%d"}}]
                        contexts: [{name: empty, context: {cluster: empty, user: empty, namespace: app}}]
                        users: [{name: empty, user: {}}]
                        current-context: empty
                        """.formatted(server.getAddress().getPort()));
                started = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Turns a KOTS HelmChart into the values KOTS hands to Helm: renders repl{{ }} template functions, evaluates
     * spec.exclude, and merges each optionalValues entry whose when is true (recursiveMerge: deep; else top-level).
     * An unknown function fails the test.
     */
    public static final class KotsRenderer {
        private KotsRenderer() {}

        public record LocalRegistry(String host, String namespace, String pullSecretName) {}

        public record Inputs(Map<String, String> config, Map<String, String> license, LocalRegistry registry) {
            public Result render(String helmChartYaml) {
                return KotsRenderer.render(helmChartYaml, this);
            }
        }

        public record Result(boolean excluded, String releaseName, Map<String, Object> values) {}

        private static final Pattern TEMPLATE = Pattern.compile("repl\\{\\{\\s*(.*?)\\s*\\}\\}");
        private static final Pattern ARG = Pattern.compile("\"([^\"]*)\"|`([^`]*)`");

        static Result render(String yaml, Inputs in) {
            Map<String, Object> doc = cast(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
            Map<String, Object> spec = cast(doc.get("spec"));
            Map<String, Object> chart = cast(spec.get("chart"));
            boolean excluded = spec.containsKey("exclude") && bool(string((String) spec.get("exclude"), in));
            Object release = spec.containsKey("releaseName") ? spec.get("releaseName") : chart.get("releaseName");
            Map<String, Object> values = cast(tree(spec.getOrDefault("values", Map.of()), in));
            for (Object o : (List<?>) spec.getOrDefault("optionalValues", List.of())) {
                Map<String, Object> optional = cast(o);
                if (!bool(string((String) optional.get("when"), in))) continue;
                Map<String, Object> extra = cast(tree(optional.get("values"), in));
                if (Boolean.TRUE.equals(optional.get("recursiveMerge"))) merge(values, extra);
                else values.putAll(extra);
            }
            return new Result(excluded, release == null ? (String) chart.get("name") : (String) release, values);
        }

        static String string(String text, Inputs in) {
            Matcher m = TEMPLATE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(call(m.group(1), in)));
            return m.appendTail(out).toString();
        }

        private static String call(String expr, Inputs in) {
            String fn = expr.split("\\s+", 2)[0];
            List<String> args = new ArrayList<>();
            Matcher a = ARG.matcher(expr.substring(fn.length()));
            while (a.find()) args.add(a.group(1) != null ? a.group(1) : a.group(2));
            LocalRegistry r = in.registry();
            return switch (fn) {
                case "ConfigOption" -> need(in.config(), args.get(0));
                case "ConfigOptionEquals" -> String.valueOf(need(in.config(), args.get(0)).equals(args.get(1)));
                case "LicenseFieldValue" -> need(in.license(), args.get(0));
                case "HasLocalRegistry" -> String.valueOf(r != null);
                case "LocalRegistryHost" -> r == null ? "" : r.host();
                case "LocalRegistryNamespace" -> r == null ? "" : r.namespace();
                case "ImagePullSecretName" -> r == null ? "" : r.pullSecretName();
                default -> throw new AssertionError("KOTS template function not known to the test renderer: " + expr);
            };
        }

        private static String need(Map<String, String> map, String key) {
            String v = map.get(key);
            if (v == null) throw new AssertionError("no value for '" + key + "' given to the KOTS renderer");
            return v;
        }

        private static boolean bool(String v) {
            return switch (v.trim()) {
                case "true", "1" -> true;
                case "false", "0", "" -> false;
                default -> throw new AssertionError("not a boolean after rendering: " + v);
            };
        }

        private static Object tree(Object node, Inputs in) {
            if (node instanceof Map<?, ?> m) {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, v) -> out.put(string((String) k, in), tree(v, in)));
                return out;
            }
            if (node instanceof List<?> l) return new ArrayList<>(l.stream().map(v -> tree(v, in)).toList());
            return node instanceof String s ? string(s, in) : node;
        }

        private static void merge(Map<String, Object> into, Map<String, Object> from) {
            from.forEach((k, v) -> {
                if (into.get(k) instanceof Map<?, ?> old && v instanceof Map<?, ?> add) {
                    Map<String, Object> merged = new LinkedHashMap<>(cast(old));
                    merge(merged, cast(add));
                    into.put(k, merged);
                } else {
                    into.put(k, v);
                }
            });
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }
}
