package io.pgbackupwizard.generate.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ordered maps for manifests: YAML keys come out in the order they are put in. */
public final class Maps {
    private Maps() {
    }

    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2)
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    /** Puts value at a nested path, creating the maps on the way. */
    @SuppressWarnings("unchecked")
    public static void putPath(Map<String, Object> root, List<String> path, Object value) {
        Map<String, Object> at = root;
        for (String key : path.subList(0, path.size() - 1)) {
            at = (Map<String, Object>) at.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
        }
        at.put(path.get(path.size() - 1), value);
    }

    /** Merges source into target: maps key by key (recursively), anything else replaced, as Helm merges values. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> deepMerge(Map<String, Object> target, Map<String, Object> source) {
        source.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m && target.get(k) instanceof Map<?, ?> t) {
                deepMerge((Map<String, Object>) t, (Map<String, Object>) m);
            } else {
                target.put(k, v instanceof Map<?, ?> m ? deepMerge(new LinkedHashMap<>(), (Map<String, Object>) m) : v);
            }
        });
        return target;
    }
}
