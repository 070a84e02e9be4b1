package io.pgbackupwizard.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgbackupwizard.model.WizardInput;
import io.pgbackupwizard.model.WizardInputParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Test fixture: a release generated from wizard parameters (validated by the real parser, so tests only
 * ever see inputs a user could submit), with its YAML files parsed back by an independent SnakeYAML loader.
 */
record Generated(WizardInput input, Release release) {

    /** @param paramsAndValues parameter names and values, alternating; the rest take their defaults */
    static Generated with(String... paramsAndValues) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < paramsAndValues.length; i += 2) {
            params.put(paramsAndValues[i], List.of(paramsAndValues[i + 1]));
        }
        WizardInputParser.Result parsed = new WizardInputParser().parse(params);
        assertTrue(parsed.ok(), () -> "test input must be valid, but: " + parsed.errors());
        return new Generated(parsed.input(), Release.of(parsed.input()));
    }

    static Generated defaults() {
        return with();
    }

    Map<String, Object> helmChart() {
        return parse(release.helmChart());
    }

    Map<String, Object> config() {
        return parse(release.config());
    }

    Map<String, Object> backup() {
        return parse(release.backup());
    }

    /** spec.values of the HelmChart. */
    Map<String, Object> values() {
        return map(helmChart(), "spec", "values");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String yaml) {
        Object doc = new Yaml(new LoaderOptions()).load(yaml);
        return assertInstanceOf(Map.class, doc, "a manifest is a YAML mapping");
    }

    /**
     * The value at a path of map keys (and list indexes, as "0"), or null when any step is missing.
     * Keys may contain dots, as annotation names do.
     */
    static Object at(Map<String, Object> root, String... path) {
        Object at = root;
        for (String key : path) {
            if (at instanceof Map<?, ?> m) {
                at = m.get(key);
            } else if (at instanceof List<?> l && key.matches("\\d+") && Integer.parseInt(key) < l.size()) {
                at = l.get(Integer.parseInt(key));
            } else {
                return null;
            }
        }
        return at;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> root, String... path) {
        Object v = at(root, path);
        assertNotNull(v, () -> "missing " + String.join(" > ", path));
        return assertInstanceOf(Map.class, v, () -> String.join(" > ", path) + " is a mapping");
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> root, String... path) {
        Object v = at(root, path);
        assertNotNull(v, () -> "missing " + String.join(" > ", path));
        return assertInstanceOf(List.class, v, () -> String.join(" > ", path) + " is a sequence");
    }

    static String string(Map<String, Object> root, String... path) {
        Object v = at(root, path);
        assertNotNull(v, () -> "missing " + String.join(" > ", path));
        return assertInstanceOf(String.class, v, () -> String.join(" > ", path) + " is a string");
    }

    /** Every string scalar in a document (map values and list items; keys excluded), with its path. */
    static Map<String, String> strings(Object doc) {
        Map<String, String> out = new LinkedHashMap<>();
        walk(doc, "", (path, value) -> {
            if (value instanceof String s) out.put(path, s);
        });
        return out;
    }

    /** Calls back for every leaf (scalar) with a dotted/indexed path such as spec.values.master.extraVolumes[0].name. */
    @SuppressWarnings("unchecked")
    static void walk(Object node, String path, BiConsumer<String, Object> leaf) {
        if (node instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).forEach((k, v) -> walk(v, path.isEmpty() ? k : path + "." + k, leaf));
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) walk(l.get(i), path + "[" + i + "]", leaf);
        } else {
            leaf.accept(path, node);
        }
    }

    static void assertSingleEntry(List<Object> list, String what) {
        assertEquals(1, list.size(), what + " holds exactly one entry: " + list);
    }
}
