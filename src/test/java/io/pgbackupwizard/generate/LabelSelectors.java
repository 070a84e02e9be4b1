package io.pgbackupwizard.generate;

import java.util.List;
import java.util.Map;

/**
 * Kubernetes label-selector semantics (matchLabels and matchExpressions, ANDed), and Velero's namespace filter,
 * to check which objects a Backup or Schedule takes.
 */
final class LabelSelectors {
    private LabelSelectors() {
    }

    @SuppressWarnings("unchecked")
    static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
        if (selector == null)
            return true;
        Map<String, Object> matchLabels = (Map<String, Object>) selector.getOrDefault("matchLabels", Map.of());
        for (var e : matchLabels.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey())))
                return false;
        }
        for (Object o : (List<Object>) selector.getOrDefault("matchExpressions", List.of())) {
            Map<String, Object> expr = (Map<String, Object>) o;
            String key = (String) expr.get("key");
            List<Object> values = (List<Object>) expr.getOrDefault("values", List.of());
            boolean has = labels.containsKey(key);
            boolean ok = switch ((String) expr.get("operator")) {
                case "In" -> has && values.contains(labels.get(key));
                case "NotIn" -> !has || !values.contains(labels.get(key));
                case "Exists" -> has;
                case "DoesNotExist" -> !has;
                default -> throw new AssertionError("unknown operator " + expr.get("operator"));
            };
            if (!ok)
                return false;
        }
        return true;
    }

    /** Velero: no includedNamespaces, or '*', means every namespace. */
    @SuppressWarnings("unchecked")
    static boolean includesNamespace(Map<String, Object> backupSpec, String namespace) {
        List<Object> included = (List<Object>) backupSpec.get("includedNamespaces");
        List<Object> excluded = (List<Object>) backupSpec.getOrDefault("excludedNamespaces", List.of());
        boolean in = included == null || included.isEmpty() || included.contains("*") || included.contains(namespace);
        return in && !excluded.contains(namespace);
    }

    /** Whether a Backup (or Schedule template) spec takes an object with these labels in this namespace. */
    @SuppressWarnings("unchecked")
    static boolean takes(Map<String, Object> spec, String namespace, Map<String, Object> labels) {
        if (spec.containsKey("labelSelector") && spec.containsKey("orLabelSelectors")) {
            throw new AssertionError("Velero refuses a Backup with both labelSelector and orLabelSelectors");
        }
        if (!includesNamespace(spec, namespace))
            return false;
        if (spec.containsKey("orLabelSelectors")) {
            return ((List<Object>) spec.get("orLabelSelectors")).stream()
                    .anyMatch(s -> matches((Map<String, Object>) s, labels));
        }
        return matches((Map<String, Object>) spec.get("labelSelector"), labels);
    }
}
