package io.pgbackupwizard.generate;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** A value scalar as written in the YAML text: its path, its text, how it was quoted and what YAML reads it as. */
record ScalarText(String path, String value, ScalarStyle style, Tag tag) {

    boolean plain() {
        return style == ScalarStyle.PLAIN;
    }

    /** Plain text that SnakeYAML itself reads as a string (not a bool, number or null). */
    boolean plainString() {
        return plain() && Tag.STR.equals(tag);
    }

    boolean singleQuoted() {
        return style == ScalarStyle.SINGLE_QUOTED;
    }

    /** Every value scalar (not mapping keys) of a YAML document, in document order. */
    static List<ScalarText> of(String yaml) {
        Node root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        List<ScalarText> out = new ArrayList<>();
        collect(root, "", out);
        return out;
    }

    private static void collect(Node node, String path, List<ScalarText> out) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String key = ((ScalarNode) t.getKeyNode()).getValue();
                collect(t.getValueNode(), path.isEmpty() ? key : path + "." + key, out);
            }
        } else if (node instanceof SequenceNode s) {
            for (int i = 0; i < s.getValue().size(); i++) collect(s.getValue().get(i), path + "[" + i + "]", out);
        } else if (node instanceof ScalarNode s) {
            out.add(new ScalarText(path, s.getValue(), s.getScalarStyle(), s.getTag()));
        }
    }
}
