package io.pgbackupwizard.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.pgbackupwizard.testsupport.ManifestView;
import io.pgbackupwizard.testsupport.TestInputs;

/**
 * The CRD schemas (spec.versions[0].schema.openAPIV3Schema) of the kinds the wizard writes or a chart renders from its
 * values: Velero's, CloudNativePG's and its Barman Cloud plugin's, read from the pinned test inputs.
 */
final class CrdSchemas {
    private CrdSchemas() {
    }

    private static final Map<String, JsonNode> TREES = new ConcurrentHashMap<>();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    static JsonNode tree(String kind) {
        return TREES.computeIfAbsent(kind, k -> {
            String file = switch (k) {
                case "Cluster", "ScheduledBackup" -> "charts-2026/cloudnative-pg/crds/postgresql.cnpg.io_"
                        + k.toLowerCase() + "s.yaml";
                case "ObjectStore" -> "charts-2026/cloudnative-pg/crds/barmancloud.cnpg.io_objectstores.yaml";
                default -> "velero/velero.io_" + k.toLowerCase() + "s.yaml";
            };
            Map<String, Object> crd = ManifestView.load(TestInputs.read(file));
            Object schema = ManifestView.valueAt(crd, "spec", "versions", "0", "schema", "openAPIV3Schema");
            if (schema == null)
                throw new AssertionError(file + " has no spec.versions[0].schema.openAPIV3Schema");
            return KotsSchemaTest.JSON.valueToTree(schema);
        });
    }

    /** Schema violations, then keys the schema does not declare (the API server would drop them silently). */
    static List<String> problems(Map<String, Object> raw) {
        Map<String, Object> manifest = withoutNulls(raw);
        String kind = (String) manifest.get("kind");
        JsonSchema schema = SCHEMAS.computeIfAbsent(kind,
                k -> JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(tree(k)));
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : schema.validate(KotsSchemaTest.JSON.valueToTree(manifest)))
            out.add(m.getMessage());
        KotsSchemaTest.undeclaredKeys(tree(kind), manifest, "").forEach(k -> out.add("undeclared key " + k));
        return out;
    }

    /**
     * The API server drops a null field of a custom resource whose schema does not mark it nullable before it
     * validates (a chart's bare "postgresql:" with nothing under it): so does this, and only that.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutNulls(Map<String, Object> m) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v instanceof Map<?, ?> inner)
                out.put(k, withoutNulls((Map<String, Object>) inner));
            else if (v instanceof List<?> l)
                out.put(k, l.stream().map(i -> i instanceof Map<?, ?> im ? withoutNulls((Map<String, Object>) im) : i)
                        .toList());
            else if (v != null)
                out.put(k, v);
        });
        return out;
    }
}
