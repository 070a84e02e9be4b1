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

/** Velero's own CRD schemas (spec.versions[0].schema.openAPIV3Schema), read from the shared reference. */
final class VeleroCrdSchemas {
    private VeleroCrdSchemas() {
    }

    private static final Map<String, JsonNode> TREES = new ConcurrentHashMap<>();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    static JsonNode tree(String kind) {
        return TREES.computeIfAbsent(kind, k -> {
            String file = "velero/velero.io_" + k.toLowerCase() + "s.yaml";
            Map<String, Object> crd = ManifestView.load(TestInputs.read(file));
            Object schema = ManifestView.valueAt(crd, "spec", "versions", "0", "schema", "openAPIV3Schema");
            if (schema == null)
                throw new AssertionError(file + " has no spec.versions[0].schema.openAPIV3Schema");
            return KotsSchemaTest.JSON.valueToTree(schema);
        });
    }

    /** Schema violations, then keys the schema does not declare (Velero would drop them silently). */
    static List<String> problems(Map<String, Object> manifest) {
        String kind = (String) manifest.get("kind");
        JsonSchema schema = SCHEMAS.computeIfAbsent(kind,
                k -> JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(tree(k)));
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : schema.validate(KotsSchemaTest.JSON.valueToTree(manifest)))
            out.add(m.getMessage());
        KotsSchemaTest.undeclaredKeys(tree(kind), manifest, "").forEach(k -> out.add("undeclared key " + k));
        return out;
    }
}
