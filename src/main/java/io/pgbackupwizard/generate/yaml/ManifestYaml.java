package io.pgbackupwizard.generate.yaml;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.emitter.Emitter;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.serializer.Serializer;

/**
 * Emits manifests with SnakeYAML in the layout Kubernetes people write by hand.
 *
 * <p>
 * Manifests are plain maps, lists, strings and booleans, so they are turned into SnakeYAML nodes here and
 * handed to SnakeYAML's serializer and emitter, which do the quoting and escaping. This skips {@code Yaml}'s
 * general-purpose representer (JavaBean introspection, a regular expression per string), which cost most of
 * the time of a download (bench/README.md).
 */
public final class ManifestYaml {
    private ManifestYaml() {
    }

    private static final DumperOptions OPTIONS = options();

    /** Read-only after construction: it only tells the serializer which plain scalars would not read back as strings. */
    private static final Resolver RESOLVER = new Resolver();

    public static String dump(Map<String, Object> manifest) {
        StringWriter out = new StringWriter(2048);
        Serializer serializer = new Serializer(new Emitter(out, OPTIONS), RESOLVER, OPTIONS, null);
        try {
            serializer.open();
            serializer.serialize(node(manifest));
            serializer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not throw
        }
        return out.toString();
    }

    private static DumperOptions options() {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(FlowStyle.BLOCK);
        o.setIndent(2);
        o.setSplitLines(false); // a folded hook command would still parse, but nobody could read it
        o.setWidth(Integer.MAX_VALUE);
        o.setExplicitStart(false);
        return o;
    }

    private static Node node(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<NodeTuple> pairs = new ArrayList<>(map.size());
            map.forEach((k, v) -> pairs.add(new NodeTuple(node(k), node(v))));
            return new MappingNode(Tag.MAP, pairs, FlowStyle.BLOCK); // the emitter writes an empty one as {}
        }
        if (value instanceof List<?> list) {
            List<Node> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(node(item)));
            return new SequenceNode(Tag.SEQ, items, FlowStyle.BLOCK);
        }
        if (value instanceof String s) {
            return new ScalarNode(Tag.STR, s, null, null, style(s));
        }
        if (value instanceof Boolean b) {
            return new ScalarNode(Tag.BOOL, b.toString(), null, null, ScalarStyle.PLAIN);
        }
        if (value instanceof Integer i) { // a HelmChart's weight, a Job's counts
            return new ScalarNode(Tag.INT, i.toString(), null, null, ScalarStyle.PLAIN);
        }
        throw new IllegalArgumentException("a manifest holds maps, lists, strings, booleans and integers, not "
                + (value == null ? "null" : value.getClass().getName()));
    }

    /**
     * KOTS templates and JSON-array annotations go out single-quoted, as in KOTS's docs: plain style
     * would also parse, but a manifest must stay valid YAML before KOTS renders it, and readers expect quotes.
     * Strings a Go YAML reader would take for something else are single-quoted too. Multi-line strings are
     * literal blocks. Otherwise plain, and the emitter quotes whatever plain style cannot carry.
     */
    private static ScalarStyle style(String s) {
        boolean singleLinePrintable = true;
        boolean lineBreak = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f)
                singleLinePrintable = false;
            if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                lineBreak = true;
        }
        if (singleLinePrintable && (s.contains("{{") || s.startsWith("[") || isGoYamlNonString(s))) {
            return ScalarStyle.SINGLE_QUOTED;
        }
        return lineBreak ? ScalarStyle.LITERAL : ScalarStyle.PLAIN;
    }

    /**
     * Plain scalars SnakeYAML reads as strings but Go's yaml.v2 (behind sigs.k8s.io/yaml, which Helm and KOTS
     * use) reads as a bool (YAML 1.1's y/Y/n/N) or a number: Go drops every '_' before trying
     * strconv.ParseInt(s, 0) (0x/0o/0b prefixes, either case) and its float pattern, so "1e3_" becomes 1000
     * and "0_x1F" 31. Broader than Go's rule (hex digits after any prefix); extra quotes are harmless.
     */
    private static final Pattern GO_YAML_NUMBER = Pattern.compile(
            "[-+]?(0[oObBxX][0-9a-fA-F]+|(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?)");

    /**
     * Go's yaml.v2 also reads a timestamp where YAML 1.1 and SnakeYAML see a string: its parseTimestamp accepts
     * one-digit months and days ("2006-1-2", optionally followed by a time), so "2024-1-1" would become
     * 2024-01-01T00:00:00Z: a different role, database or name than the hooks use.
     */
    private static final Pattern GO_YAML_TIMESTAMP = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?");

    private static boolean isGoYamlNonString(String s) {
        if (s.isEmpty())
            return false;
        char first = s.charAt(0);
        if (s.length() == 1 && "yYnN".indexOf(first) >= 0)
            return true;
        // The first-character test spares the regular expression for nearly every string.
        return "+-._0123456789".indexOf(first) >= 0 && (GO_YAML_NUMBER.matcher(s.replace("_", "")).matches()
                || GO_YAML_TIMESTAMP.matcher(s).matches());
    }
}
