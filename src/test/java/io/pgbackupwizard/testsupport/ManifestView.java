package io.pgbackupwizard.testsupport;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A generated manifest read back the way its consumers read it: the YAML with SnakeYAML's safe loader (independent of
 * the generator's own loader), and Velero hook commands the way Velero parses them (a JSON array of strings).
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
        return new ManifestView(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
    }

    /** The value at a path of map keys and list indexes (Integer), if every step exists. */
    public Optional<Object> find(Object... path) {
        Object at = root;
        for (Object step : path) {
            if (step instanceof Integer i && at instanceof List<?> list && i < list.size()) {
                at = list.get(i);
            } else if (at instanceof Map<?, ?> map && map.containsKey(step)) {
                at = map.get(step);
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(at);
    }

    /** The value at a path; AssertionError naming the path when it is missing. */
    public Object at(Object... path) {
        return find(path).orElseThrow(() -> new AssertionError("manifest has no " + Arrays.toString(path)));
    }

    /** Key of the PostgreSQL pod's values: exactly one of spec.values.master / spec.values.primary exists. */
    public String podKey() {
        boolean master = find("spec", "values", "master").isPresent();
        boolean primary = find("spec", "values", "primary").isPresent();
        if (master == primary) throw new AssertionError("want exactly one of master/primary in spec.values");
        return master ? "master" : "primary";
    }

    /** The value at a path below the pod's values (spec.values.master|primary). */
    public Object pod(Object... path) {
        List<Object> full = new ArrayList<>(List.of("spec", "values", podKey()));
        full.addAll(Arrays.asList(path));
        return at(full.toArray());
    }

    public Optional<Object> findPod(Object... path) {
        List<Object> full = new ArrayList<>(List.of("spec", "values", podKey()));
        full.addAll(Arrays.asList(path));
        return find(full.toArray());
    }

    /**
     * A hook command annotation parsed as Velero does (it must start with '[' and be a JSON array of strings;
     * anything else Velero would silently run as ONE argument), or empty when the annotation is absent.
     */
    public Optional<List<String>> hookArgv(String annotation) {
        Optional<Object> value = findPod("podAnnotations", annotation);
        if (value.isEmpty()) return Optional.empty();
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
        if (!array.isArray()) throw new AssertionError(annotation + " is not a JSON array: " + text);
        List<String> argv = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isTextual()) throw new AssertionError(annotation + " holds a non-string: " + text);
            argv.add(item.asText());
        }
        return argv;
    }
}
