package io.pgbackupwizard.generate;

import java.util.Map;
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
     * KOTS templates and JSON-array annotations go out single-quoted, as in KOTS's docs: plain style
     * would also parse, but a manifest must stay valid YAML before KOTS renders it, and readers expect quotes.
     */
    private static final class TemplateQuotingRepresenter extends Representer {
        TemplateQuotingRepresenter(DumperOptions options) {
            super(options);
            Represent plainStrings = representers.get(String.class);
            representers.put(String.class, data -> {
                String s = (String) data;
                if ((s.contains("{{") || s.startsWith("[")) && s.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
                    return representScalar(Tag.STR, s, ScalarStyle.SINGLE_QUOTED);
                }
                return plainStrings.representData(data);
            });
        }
    }
}
