package io.pgbackupwizard.doctor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A place in the manifest: its YAML path, its line, and the node there, or no node when the path does not
 * exist (then the line is the nearest existing parent's, so a finding about a missing key still points somewhere).
 */
public final class Located {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private final Node node;
    private final String path;
    private final int line;

    private Located(Node node, String path, int line) {
        this.node = node;
        this.path = path;
        this.line = line;
    }

    static Located root(Node node) {
        return new Located(node, "", lineOf(node));
    }

    private static int lineOf(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    public boolean exists() {
        return node != null;
    }

    public String path() {
        return path.isEmpty() ? "." : path;
    }

    public int line() {
        return line;
    }

    Node node() {
        return node;
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** The child under a map key (missing if this is not a map or has no such key). */
    public Located get(String key) {
        String childPath = path + (PLAIN_KEY.matcher(key).matches() ? (path.isEmpty() ? "" : ".") + key
                : "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]");
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return new Located(t.getValueNode(), childPath, lineOf(t.getKeyNode()));
                }
            }
        }
        return new Located(null, childPath, line);
    }

    /** get() along several keys. */
    public Located at(String... keys) {
        Located at = this;
        for (String k : keys)
            at = at.get(k);
        return at;
    }

    /** The items of a list (empty if this is not a list). */
    public List<Located> items() {
        List<Located> out = new ArrayList<>();
        if (node instanceof SequenceNode seq) {
            for (int i = 0; i < seq.getValue().size(); i++) {
                Node item = seq.getValue().get(i);
                out.add(new Located(item, path + "[" + i + "]", lineOf(item)));
            }
        }
        return out;
    }

    /** The entries of a map by scalar key, in order (empty if this is not a map). */
    public Map<String, Located> entries() {
        Map<String, Located> out = new LinkedHashMap<>();
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k)
                    out.putIfAbsent(k.getValue(), get(k.getValue()));
            }
        }
        return out;
    }

    /** The scalar's text as written (a number or boolean too), if this is a scalar. */
    public Optional<String> text() {
        return node instanceof ScalarNode s ? Optional.of(s.getValue()) : Optional.empty();
    }

    /** True if this is a scalar a YAML reader takes for the boolean true (quoted "true" is a string, not true). */
    public boolean isTrue() {
        return node instanceof ScalarNode s && s.getTag().getValue().endsWith(":bool") && s.getValue().equalsIgnoreCase("true");
    }

    /** Every scalar below this place (keys excluded), depth first; the reader has bounded the tree's size. */
    public void forEachScalar(java.util.function.Consumer<Located> action) {
        if (isScalar())
            action.accept(this);
        else if (isList())
            items().forEach(i -> i.forEachScalar(action));
        else if (isMap())
            entries().values().forEach(v -> v.forEachScalar(action));
    }

    /** Every map key below this place whose key matches, as the place of its value, depth first. */
    public void forEachKey(java.util.function.Predicate<Located> keyMatches, java.util.function.Consumer<Located> action) {
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k))
                    continue;
                Located value = get(k.getValue());
                if (keyMatches.test(new Located(k, path + "." + k.getValue(), lineOf(k))))
                    action.accept(value);
                value.forEachKey(keyMatches, action);
            }
        } else if (isList()) {
            items().forEach(i -> i.forEachKey(keyMatches, action));
        }
    }

    /** True for a scalar written without quotes. */
    public boolean isPlain() {
        return node instanceof ScalarNode s && s.isPlain();
    }
}
