package io.pgbackupwizard.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Turns a KOTS HelmChart (v1beta1 or v1beta2) into the Helm values KOTS would hand to Helm: renders the
 * {@code repl{{ ... }}} / {@code {{repl ... }}} template functions in every string, evaluates {@code spec.exclude},
 * and merges each {@code optionalValues} entry whose {@code when} renders true ({@code recursiveMerge: true} deep
 * merges; false or absent replaces top-level keys, as the KOTS HelmChart reference documents).
 *
 * <p>
 * Strings are rendered after YAML parsing (KOTS renders the file text first): the same result for every value
 * that does not itself contain YAML syntax. An unknown template function fails loudly.
 *
 * <pre>
 * KotsRenderer.Result r = new KotsRenderer.Inputs(Map.of("embedded_postgres_password", "pw"), Map.of(), null)
 *         .render(helmChartYaml);
 * ChartRenderer.render(version, r.releaseName(), r.values());
 * </pre>
 */
public final class KotsRenderer {
    private KotsRenderer() {
    }

    /** A local registry as KOTS reports it to the templates (null in {@link Inputs} = none). */
    public record LocalRegistry(String host, String namespace, String pullSecretName) {
    }

    /** What the template functions read: config item values, license fields, registry, namespace. */
    public record Inputs(Map<String, String> config, Map<String, String> license, LocalRegistry registry,
            String namespace) {
        public Inputs(Map<String, String> config, Map<String, String> license, LocalRegistry registry) {
            this(config, license, registry, "app");
        }

        /** Renders a HelmChart manifest: see the class comment. */
        public Result render(String helmChartYaml) {
            return KotsRenderer.render(helmChartYaml, this);
        }
    }

    /** The rendered HelmChart: excluded or not, the Helm release name, and the merged values. */
    public record Result(boolean excluded, String releaseName, Map<String, Object> values) {
    }

    private static final Pattern TEMPLATE = Pattern.compile("repl\\{\\{(.*?)\\}\\}|\\{\\{repl(.*?)\\}\\}", Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile("\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|`([^`]*)`|([A-Za-z][A-Za-z0-9]*))");

    @SuppressWarnings("unchecked")
    static Result render(String helmChartYaml, Inputs in) {
        Map<String, Object> doc = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(helmChartYaml);
        Map<String, Object> spec = (Map<String, Object>) doc.get("spec");
        Map<String, Object> chart = (Map<String, Object>) spec.get("chart");
        Object exclude = spec.get("exclude");
        boolean excluded = exclude != null && truthy(renderString(String.valueOf(exclude), in));
        Object releaseName = spec.containsKey("releaseName") ? spec.get("releaseName") : chart.get("releaseName");
        Map<String, Object> values = (Map<String, Object>) renderTree(spec.getOrDefault("values", Map.of()), in);
        values = new LinkedHashMap<>(values);
        for (Object o : (List<Object>) spec.getOrDefault("optionalValues", List.of())) {
            Map<String, Object> optional = (Map<String, Object>) o;
            if (!truthy(renderString(String.valueOf(optional.get("when")), in)))
                continue;
            Map<String, Object> extra = (Map<String, Object>) renderTree(optional.get("values"), in);
            if (Boolean.TRUE.equals(optional.get("recursiveMerge"))) {
                deepMerge(values, extra);
            } else {
                values.putAll(extra);
            }
        }
        return new Result(excluded, releaseName == null ? String.valueOf(chart.get("name")) : String.valueOf(releaseName),
                values);
    }

    /** Renders every template in one string. */
    public static String renderString(String text, Inputs in) {
        Matcher m = TEMPLATE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String expr = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(call(expr.trim(), in)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String call(String expr, Inputs in) {
        List<String> tokens = new ArrayList<>();
        Matcher t = TOKEN.matcher(expr);
        int at = 0;
        while (at < expr.length() && t.find(at) && t.start() == at) {
            tokens.add(t.group(2) != null ? t.group(2).replace("\\\"", "\"").replace("\\\\", "\\")
                    : t.group(3) != null ? t.group(3) : t.group(4));
            at = t.end();
        }
        if (tokens.isEmpty() || !expr.substring(at).isBlank()) {
            throw new AssertionError("KOTS template not understood by the test renderer: {{ " + expr + " }}");
        }
        String fn = tokens.get(0);
        List<String> args = tokens.subList(1, tokens.size());
        return switch (fn) {
            case "ConfigOption" -> arg(args, 1, fn, () -> lookup(in.config(), args.get(0), "config item"));
            case "ConfigOptionEquals" ->
                arg(args, 2, fn, () -> String.valueOf(lookup(in.config(), args.get(0), "config item").equals(args.get(1))));
            case "ConfigOptionNotEquals" ->
                arg(args, 2, fn, () -> String.valueOf(!lookup(in.config(), args.get(0), "config item").equals(args.get(1))));
            case "LicenseFieldValue" -> arg(args, 1, fn, () -> lookup(in.license(), args.get(0), "license field"));
            case "HasLocalRegistry" -> arg(args, 0, fn, () -> String.valueOf(in.registry() != null));
            case "LocalRegistryHost" -> arg(args, 0, fn, () -> in.registry() == null ? "" : in.registry().host());
            case "LocalRegistryNamespace" -> arg(args, 0, fn, () -> in.registry() == null ? "" : in.registry().namespace());
            case "ImagePullSecretName" -> arg(args, 0, fn, () -> in.registry() == null ? "" : in.registry().pullSecretName());
            case "Namespace" -> arg(args, 0, fn, in::namespace);
            case "ReplicatedImageName" -> arg(args, 1, fn, () -> replicatedImageName(args.get(0), in));
            default -> throw new AssertionError("unknown KOTS template function " + fn + " in {{ " + expr
                    + " }} (teach KotsRenderer the function before the wizard emits it)");
        };
    }

    /**
     * Embedded Cluster v3: an image through the local registry when there is one (its last path segment under the
     * registry's namespace), else through the Replicated proxy registry under the app's slug.
     */
    private static String replicatedImageName(String image, Inputs in) {
        if (in.registry() != null) {
            return in.registry().host() + "/" + in.registry().namespace() + "/" + image.substring(image.lastIndexOf('/') + 1);
        }
        return REPLICATED_PROXY + "/" + in.license().getOrDefault("appSlug", "app") + "/" + image;
    }

    /** The Replicated proxy registry's path prefix for an app's images. */
    public static final String REPLICATED_PROXY = "proxy.replicated.com/proxy";

    private static String arg(List<String> args, int count, String fn, java.util.function.Supplier<String> body) {
        if (args.size() != count)
            throw new AssertionError(fn + " takes " + count + " argument(s), got " + args);
        return body.get();
    }

    private static String lookup(Map<String, String> map, String key, String what) {
        String v = map.get(key);
        if (v == null)
            throw new AssertionError("no " + what + " '" + key + "' given to the KOTS renderer");
        return v;
    }

    private static boolean truthy(String rendered) {
        String v = rendered.trim();
        if (v.equals("true") || v.equals("1"))
            return true;
        if (v.equals("false") || v.equals("0") || v.isEmpty())
            return false;
        throw new AssertionError("not a boolean after rendering: " + rendered);
    }

    @SuppressWarnings("unchecked")
    private static Object renderTree(Object node, Inputs in) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(renderString(k, in), renderTree(v, in)));
            return out;
        }
        if (node instanceof List<?> l)
            return l.stream().map(v -> renderTree(v, in)).toList();
        if (node instanceof String s)
            return renderString(s, in);
        return node;
    }

    @SuppressWarnings("unchecked")
    private static void deepMerge(Map<String, Object> into, Map<String, Object> from) {
        from.forEach((k, v) -> {
            Object old = into.get(k);
            if (old instanceof Map<?, ?> om && v instanceof Map<?, ?> vm) {
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) om);
                deepMerge(merged, (Map<String, Object>) vm);
                into.put(k, merged);
            } else {
                into.put(k, v);
            }
        });
    }
}
