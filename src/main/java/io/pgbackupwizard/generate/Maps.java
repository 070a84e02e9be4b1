package io.pgbackupwizard.generate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ordered maps for manifests: YAML keys come out in the order they are put in. */
final class Maps {
    private Maps() {}

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    /** Puts value at a nested path, creating the maps on the way. */
    @SuppressWarnings("unchecked")
    static void putPath(Map<String, Object> root, List<String> path, Object value) {
        Map<String, Object> at = root;
        for (String key : path.subList(0, path.size() - 1)) {
            at = (Map<String, Object>) at.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
        }
        at.put(path.get(path.size() - 1), value);
    }
}
