package io.pgbackupwizard.testsupport;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The tests' one reader of manifests, reading them back the way their consumers do: the YAML with SnakeYAML's safe
 * loader (independent of the generator's own loader), Velero hook commands the way Velero parses them (a JSON array of
 * strings), and scalars as written (how each is quoted). A path is a list of map keys and list indexes (an Integer, or
 * a String of digits); keys may contain dots, as annotation names do.
 */
public final class ManifestView {

    public static final String BACKUP_COMMAND = "pre.hook.backup.velero.io/command";
    public static final String RESTORE_COMMAND = "post.hook.restore.velero.io/command";

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Object root;

    private ManifestView(Object root) {
        this.root = root;
    }

    public static ManifestView parse(String yaml) {
        return new ManifestView(load(yaml));
    }

    // ---- plain maps: a document as SnakeYAML's safe loader gives it ----------------------------------------------

    /** A YAML document that must be a mapping (every manifest and values file is). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> load(String yaml) {
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(doc instanceof Map))
            throw new AssertionError("a YAML mapping: " + yaml);
        return (Map<String, Object>) doc;
    }

    /** The value at a path, or null when any step is missing. */
    public static Object valueAt(Object root, Object... path) {
        Object at = root;
        for (Object step : path) {
            if (at instanceof Map<?, ?> map) {
                at = map.get(step);
            } else if (at instanceof List<?> list && index(step) >= 0 && index(step) < list.size()) {
                at = list.get(index(step));
            } else {
                return null;
            }
        }
        return at;
    }

    private static int index(Object step) {
        if (step instanceof Integer i)
            return i;
        return step instanceof String s && s.matches("\\d{1,9}") ? Integer.parseInt(s) : -1;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object root, Object... path) {
        return (Map<String, Object>) typed(Map.class, "a mapping", root, path);
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object root, Object... path) {
        return (List<Object>) typed(List.class, "a sequence", root, path);
    }

    public static String string(Object root, Object... path) {
        return (String) typed(String.class, "a string", root, path);
    }

    private static Object typed(Class<?> type, String what, Object root, Object... path) {
        Object v = valueAt(root, path);
        String where = Arrays.stream(path).map(String::valueOf).reduce((a, b) -> a + " > " + b).orElse("(root)");
        if (v == null)
            throw new AssertionError("missing " + where);
        if (!type.isInstance(v))
            throw new AssertionError(where + " is not " + what + ": " + v);
        return v;
    }

    /** Every string scalar in a document (map values and list items; keys excluded), with its path. */
    public static Map<String, String> strings(Object doc) {
        Map<String, String> out = new LinkedHashMap<>();
        walk(doc, "", (path, value) -> {
            if (value instanceof String s)
                out.put(path, s);
        });
        return out;
    }

    /** Calls back for every leaf (scalar) with a dotted/indexed path such as spec.values.master.extraVolumes[0].name. */
    public static void walk(Object node, String path, BiConsumer<String, Object> leaf) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path.isEmpty() ? String.valueOf(k) : path + "." + k, leaf));
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++)
                walk(l.get(i), path + "[" + i + "]", leaf);
        } else {
            leaf.accept(path, node);
        }
    }

    // ---- scalars as written ------------------------------------------------------------------------------------

    /** A value scalar as written in the YAML text: its path, its text, how it was quoted and what YAML reads it as. */
    public record Scalar(String path, String value, ScalarStyle style, Tag tag) {

        public boolean plain() {
            return style == ScalarStyle.PLAIN;
        }

        /** Plain text that SnakeYAML itself reads as a string (not a bool, number or null). */
        public boolean plainString() {
            return plain() && Tag.STR.equals(tag);
        }

        public boolean singleQuoted() {
            return style == ScalarStyle.SINGLE_QUOTED;
        }
    }

    /** Every value scalar (not mapping keys) of a YAML document, in document order. */
    public static List<Scalar> scalars(String yaml) {
        List<Scalar> out = new ArrayList<>();
        collect(new Yaml(new LoaderOptions()).compose(new StringReader(yaml)), "", out);
        return out;
    }

    private static void collect(Node node, String path, List<Scalar> out) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String key = ((ScalarNode) t.getKeyNode()).getValue();
                collect(t.getValueNode(), path.isEmpty() ? key : path + "." + key, out);
            }
        } else if (node instanceof SequenceNode s) {
            for (int i = 0; i < s.getValue().size(); i++)
                collect(s.getValue().get(i), path + "[" + i + "]", out);
        } else if (node instanceof ScalarNode s) {
            out.add(new Scalar(path, s.getValue(), s.getScalarStyle(), s.getTag()));
        }
    }

    // ---- a HelmChart: the pod's values and its hook annotations ----------------------------------------------------

    /** The value at a path, if every step exists. */
    public Optional<Object> find(Object... path) {
        return Optional.ofNullable(valueAt(root, path));
    }

    /** The value at a path; AssertionError naming the path when it is missing. */
    public Object at(Object... path) {
        return find(path).orElseThrow(() -> new AssertionError("manifest has no " + Arrays.toString(path)));
    }

    /**
     * Key of the PostgreSQL pod's values: exactly one of spec.values.master / spec.values.primary exists, or neither
     * and spec.values.podAnnotations does ("": charts that read the pod's keys at the top of their values).
     */
    public String podKey() {
        boolean master = find("spec", "values", "master").isPresent();
        boolean primary = find("spec", "values", "primary").isPresent();
        if (!master && !primary && find("spec", "values", "podAnnotations").isPresent())
            return "";
        if (master == primary)
            throw new AssertionError("want exactly one of master/primary in spec.values, or podAnnotations at its top");
        return master ? "master" : "primary";
    }

    /** The value at a path below the pod's values (spec.values.master|primary, or spec.values itself). */
    public Object pod(Object... path) {
        List<Object> full = new ArrayList<>(List.of("spec", "values"));
        if (!podKey().isEmpty())
            full.add(podKey());
        full.addAll(Arrays.asList(path));
        return at(full.toArray());
    }

    public Optional<Object> findPod(Object... path) {
        List<Object> full = new ArrayList<>(List.of("spec", "values"));
        if (!podKey().isEmpty())
            full.add(podKey());
        full.addAll(Arrays.asList(path));
        return find(full.toArray());
    }

    /**
     * A hook command annotation parsed as Velero does (it must start with '[' and be a JSON array of strings;
     * anything else Velero would silently run as ONE argument), or empty when the annotation is absent.
     */
    public Optional<List<String>> hookArgv(String annotation) {
        Optional<Object> value = findPod("podAnnotations", annotation);
        if (value.isEmpty())
            return Optional.empty();
        if (!(value.get() instanceof String text)) {
            throw new AssertionError(annotation + " is not a string: " + value.get());
        }
        return Optional.of(veleroArgv(annotation, text));
    }

    /** An annotation value read as Velero reads a hook command: a JSON array of strings, starting with '['. */
    public static List<String> veleroArgv(String annotation, String text) {
        if (!text.startsWith("[")) {
            throw new AssertionError(annotation + " does not start with '[' (Velero would run it as ONE argument): " + text);
        }
        JsonNode array;
        try {
            array = JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(annotation + " is not valid JSON: " + text, e);
        }
        if (!array.isArray())
            throw new AssertionError(annotation + " is not a JSON array: " + text);
        List<String> argv = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isTextual())
                throw new AssertionError(annotation + " holds a non-string: " + text);
            argv.add(item.asText());
        }
        return argv;
    }
}
