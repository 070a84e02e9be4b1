package io.pgbackupwizard.generate;

import static org.junit.jupiter.api.Assertions.fail;

import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Minimal chart rendering with helm-java for the install-path tests (the lead swaps it for the shared
 * testsupport ChartRenderer). KOTS templates are replaced by plain strings first, as KOTS would render them.
 */
final class Charts {
    private Charts() {}

    static final Pattern KOTS_TEMPLATE = Pattern.compile("repl\\{\\{[^}]*}}");

    static Path reference(String relative) {
        Path dir = Path.of("").toAbsolutePath().getParent().resolve("shared/reference").resolve(relative);
        if (!Files.exists(dir)) fail("reference not found: " + dir + " (expected ../shared/reference next to the project)");
        return dir;
    }

    /** What KOTS would put in place of each repl{{ ... }}: a plain string that says which template it was. */
    static String renderKotsTemplates(String yaml) {
        return KOTS_TEMPLATE.matcher(yaml).replaceAll(m -> {
            String t = m.group();
            if (t.contains("ConfigOptionNotEquals")) return "true";
            if (t.contains("velero_backup_schedule")) return "0 3 * * *";
            if (t.contains("Namespace")) return "kotsadm";
            if (t.contains("ReplicatedImageName")) return t.replaceAll(".*\"([^\"]+)\".*", "proxy.example.com/$1");
            return "rendered-" + Integer.toHexString(t.hashCode());
        });
    }

    /** helm template of a chart directory with one values text; returns every rendered document. */
    static List<Map<String, Object>> template(Path chart, String release, String namespace, String values) {
        return template(chart, release, namespace, values, Map.of());
    }

    /** @param sets --set values, for what a cluster would supply (helm template has no cluster for lookup) */
    static List<Map<String, Object>> template(Path chart, String release, String namespace, String values,
            Map<String, String> sets) {
        try {
            Path file = Files.createTempFile("values", ".yaml");
            try {
                Files.writeString(file, values);
                var command = new Helm(chart).template().withName(release).withNamespace(namespace).withValuesFile(file);
                sets.forEach(command::set);
                String out = command.call();
                return documents(out);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(String stream) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml(new LoaderOptions()).loadAll(stream)) {
            if (doc instanceof Map<?, ?> m) docs.add((Map<String, Object>) m);
        }
        return docs;
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    /**
     * A copy of a chart without its Secret templates and NOTES.txt: charts 11+ look up their Secret in the cluster (even with
     * the passwords given), and helm template has no cluster here. For tests that look at the pod only; the
     * shared testsupport ChartRenderer (harness branch) answers the lookups with an empty API server instead.
     */
    static Path withoutSecretTemplates(Path chart, Path into) {
        copy(chart, into);
        try (Stream<Path> walk = Files.walk(into.resolve("templates"))) {
            for (Path p : walk.filter(f -> Set.of("secrets.yaml", "NOTES.txt").contains(f.getFileName().toString())).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return into;
    }

    /** Copies a directory tree (to build a parent chart around a dependency). */
    static void copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
