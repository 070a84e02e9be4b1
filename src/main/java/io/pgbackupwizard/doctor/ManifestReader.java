package io.pgbackupwizard.doctor;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

import io.pgbackupwizard.chart.ChartFamily;

/**
 * Reads untrusted YAML into SnakeYAML nodes (never into objects: no constructor runs, no tag is honoured), with
 * limits on size, aliases, nesting and documents, and keeps the HelmChart and, if present, the Config.
 * Anything that cannot be checked is a {@link ManifestRejected} with a message for people.
 */
public final class ManifestReader {
    private ManifestReader() {
    }

    /** A HelmChart is a few KB; the web layer refuses bodies over 64 KiB before this. */
    public static final int MAX_CHARS = 128 * 1024;
    static final int MAX_DOCUMENTS = 8;
    static final int MAX_NESTING = 40;
    static final int MAX_COLLECTION_ALIASES = 20;
    /** Nodes visited when walking the tree, aliases counted each time they are reached (alias bombs). */
    static final int MAX_EXPANDED_NODES = 20_000;

    /**
     * The documents the doctor looks at. {@code config} is null when none was given; {@code companions} are the
     * release's other HelmCharts (the Bitnami chart a move leaves, the migration chart, the application's).
     */
    public record Documents(Located helmChart, Located config, List<Located> companions) {
    }

    public static Documents read(String manifest, String config) {
        List<Located> helmCharts = new ArrayList<>();
        Located cfg = null;
        for (Located doc : documents(manifest, "manifest")) {
            String kind = doc.get("kind").text().orElse("");
            if (kind.equals("HelmChart")) {
                helmCharts.add(doc);
            } else if (kind.equals("Config")) {
                cfg = doc;
            }
        }
        Located helmChart = checked(helmCharts);
        List<Located> companions = helmCharts.stream().filter(h -> h != helmChart).toList();
        if (helmChart == null) {
            List<Located> docs = documents(manifest, "manifest");
            String kinds = docs.isEmpty() ? "nothing"
                    : docs.stream().map(d -> d.get("kind").text()
                            .map(k -> "kind " + k).orElse("a document without kind")).distinct().reduce((a, b) -> a + ", " + b)
                            .orElse("");
            throw ManifestRejected.bad("manifest: no KOTS HelmChart found (the text holds " + kinds
                    + "); the doctor checks a document with apiVersion kots.io/v1beta1 or kots.io/v1beta2 and kind: HelmChart");
        }
        if (config != null && !config.isBlank()) {
            List<Located> configs = documents(config, "config").stream()
                    .filter(d -> d.get("kind").text().orElse("").equals("Config")).toList();
            if (configs.size() != 1) {
                throw ManifestRejected
                        .bad("config: want exactly one KOTS Config document (kind: Config), found " + configs.size());
            }
            cfg = configs.get(0);
        }
        return new Documents(helmChart, cfg, companions);
    }

    /**
     * The HelmChart the rules check: the only one, or among several the one PostgreSQL chart; beside the Bitnami chart
     * (a move off it in progress) the chart it moves to.
     */
    private static Located checked(List<Located> helmCharts) {
        if (helmCharts.size() <= 1)
            return helmCharts.isEmpty() ? null : helmCharts.get(0);
        Set<String> postgres = Arrays.stream(ChartFamily.values()).filter(f -> !f.ownWorkload())
                .map(ChartFamily::chartName).collect(java.util.stream.Collectors.toSet());
        List<Located> charts = helmCharts.stream().filter(h -> postgres.contains(chartName(h))).toList();
        List<Located> notBitnami = charts.stream()
                .filter(h -> !chartName(h).equals(ChartFamily.BITNAMI.chartName())).toList();
        if (charts.size() == 1)
            return charts.get(0);
        if (charts.size() == 2 && notBitnami.size() == 1)
            return notBitnami.get(0);
        throw ManifestRejected.bad("manifest: holds " + helmCharts.size() + " HelmCharts, " + charts.size()
                + " of them PostgreSQL charts (" + charts.stream().map(ManifestReader::chartName).toList()
                + "); send one at a time, or a release moving off Bitnami: the Bitnami chart and the one it moves to");
    }

    static String chartName(Located helmChart) {
        return helmChart.at("spec", "chart", "name").text().orElse("").trim();
    }

    /** Every non-empty document of the text, each a mapping. */
    static List<Located> documents(String text, String what) {
        if (text == null || text.isBlank())
            throw ManifestRejected.bad(what + ": is empty; paste or upload a HelmChart YAML file");
        if (text.length() > MAX_CHARS) {
            throw ManifestRejected.tooLarge(what + ": is " + text.length() + " characters; the doctor reads at most "
                    + MAX_CHARS + " (a HelmChart is a few KB)");
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CHARS + 1);
        options.setProcessComments(false);
        options.setMergeOnCompose(false);
        List<Located> docs = new ArrayList<>();
        try {
            for (Node node : new Yaml(options).composeAll(new StringReader(text))) {
                if (node == null)
                    continue;
                if (docs.size() == MAX_DOCUMENTS) {
                    throw ManifestRejected.bad(what + ": holds more than " + MAX_DOCUMENTS
                            + " YAML documents; send the HelmChart (and its Config)");
                }
                checkExpansion(node, what);
                if (!(node instanceof MappingNode)) {
                    throw ManifestRejected.bad(what + ": line " + (node.getStartMark().getLine() + 1)
                            + ": a document is not a YAML mapping (a Kubernetes manifest starts with apiVersion: and kind:)");
                }
                docs.add(Located.root(node));
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
            throw ManifestRejected.bad(what + ": is not valid YAML: " + where + oneLine(e.getProblem() != null ? e.getProblem()
                    : e.getContext()) + hint(text, mark));
        } catch (YAMLException e) {
            // Limits (aliases, nesting, code points) and other reader failures: SnakeYAML's message names the limit.
            throw ManifestRejected.bad(what + ": cannot be read safely: " + oneLine(e.getMessage()));
        }
        return docs;
    }

    /** Rejects aliases that expand into huge trees or refer to themselves, before any rule walks the tree. */
    private static void checkExpansion(Node root, String what) {
        int[] visited = { 0 };
        walk(root, Collections.newSetFromMap(new IdentityHashMap<>()), visited, what);
    }

    private static void walk(Node node, Set<Node> ancestors, int[] visited, String what) {
        if (++visited[0] > MAX_EXPANDED_NODES) {
            throw ManifestRejected.bad(what + ": its YAML aliases expand to more than " + MAX_EXPANDED_NODES
                    + " nodes; write the manifest out without anchors");
        }
        if (!ancestors.add(node)) {
            throw ManifestRejected.bad(what + ": line " + (node.getStartMark().getLine() + 1)
                    + ": a YAML alias refers to a node that contains it (a cycle)");
        }
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                walk(t.getKeyNode(), ancestors, visited, what);
                walk(t.getValueNode(), ancestors, visited, what);
            }
        } else if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue())
                walk(item, ancestors, visited, what);
        }
        ancestors.remove(node);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    /** The usual cause of a KOTS manifest that is not YAML: a template at the start of an unquoted value. */
    private static String hint(String text, Mark mark) {
        if (mark == null)
            return "";
        String[] lines = text.split("\n", -1);
        int i = mark.getLine();
        String line = i < lines.length ? lines[i] : "";
        if (line.contains("{{")) {
            return " (a value that starts with a KOTS or Helm template must be quoted: '{{repl ... }}')";
        }
        return "";
    }
}
