package io.pgbackupwizard.generate;

import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/** Emits manifests with SnakeYAML in the layout Kubernetes people write by hand. */
public final class ManifestYaml {
    private ManifestYaml() {}

    private static final DumperOptions OPTIONS = options();

    public static String dump(Map<String, Object> manifest) {
        // Yaml instances are not thread-safe; one per call is cheap next to the dump itself.
        return new Yaml(new TemplateQuotingRepresenter(OPTIONS), OPTIONS).dump(manifest);
    }

    /** Reads YAML back with a safe loader (no arbitrary types). */
    public static Object load(String yaml) {
        return new Yaml(new LoaderOptions()).load(yaml);
    }

    private static DumperOptions options() {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setSplitLines(false); // a folded hook command would still parse, but nobody could read it
        o.setWidth(Integer.MAX_VALUE);
        o.setExplicitStart(false);
        return o;
    }

    /**
     * Plain scalars SnakeYAML reads as strings but Go's gopkg.in/yaml.v2 (behind sigs.k8s.io/yaml, which Helm
     * and KOTS use) reads as a bool (YAML 1.1's y/Y/n/N) or an integer (Go's 0o/0b/0x prefixes, either case):
     * a database named "n" would reach the chart as false. Broader than Go's rule; extra quotes are harmless.
     */
    private static final Pattern GO_YAML_NON_STRING = Pattern.compile("[yYnN]|[-+]?0[oObBxX][0-9a-fA-F_]+");

    /**
     * KOTS templates and JSON-array annotations go out single-quoted, as in KOTS's docs: plain style
     * would also parse, but a manifest must stay valid YAML before KOTS renders it, and readers expect quotes.
     * Strings a Go YAML reader would take for something else are single-quoted too.
     */
    private static final class TemplateQuotingRepresenter extends Representer {
        TemplateQuotingRepresenter(DumperOptions options) {
            super(options);
            Represent plainStrings = representers.get(String.class);
            representers.put(String.class, data -> {
                String s = (String) data;
                if ((s.contains("{{") || s.startsWith("[") || GO_YAML_NON_STRING.matcher(s).matches())
                        && s.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
                    return representScalar(Tag.STR, s, ScalarStyle.SINGLE_QUOTED);
                }
                return plainStrings.representData(data);
            });
        }
    }
}
