package io.pgbackupwizard.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import io.pgbackupwizard.generate.ReleaseFile;
import io.pgbackupwizard.model.Field;
import io.pgbackupwizard.web.page.PageResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The OpenAPI document, read back as YAML: every endpoint that takes the wizard's parameters documents all of
 * them (through references, which must resolve), and the document stays small enough to build at start-up.
 */
@QuarkusTest
class OpenApiDocumentTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    /** The parameters' names, as the parser reads them. */
    static final Set<String> PARAMS = Set.of(Field.values()).stream().map(Field::param)
            .collect(Collectors.toCollection(TreeSet::new));

    Map<String, Object> document;

    @SuppressWarnings("unchecked")
    Map<String, Object> document() {
        if (document == null) {
            String yaml = given().get(management + "openapi").then().statusCode(200).extract().asString();
            document = new Yaml().load(yaml);
        }
        return document;
    }

    @Test
    void everyDownloadAndQueryPageDocumentsEveryParameter() {
        List<String> paths = new ArrayList<>(List.of("/", "/results"));
        for (ReleaseFile o : ReleaseFile.values())
            paths.add("/" + o.path());
        for (String path : paths) {
            List<Object> params = list(at("paths", path, "get", "parameters"), path + " GET parameters");
            Set<String> names = new TreeSet<>();
            for (Object p : params) {
                Map<String, Object> param = resolve(map(p, path));
                if ("query".equals(param.get("in")))
                    names.add((String) param.get("name"));
            }
            Set<String> expected = new TreeSet<>(PARAMS);
            if (path.equals("/results"))
                expected.add(PageResource.SHOWN_FILE);
            assertEquals(expected, names, path + " documents every parameter and no other query parameter");
        }
    }

    @Test
    void everyRequestBodyHasEveryParameterAndNoOther() {
        List<String[]> bodies = new ArrayList<>();
        bodies.add(new String[] { "/", "post", "application/x-www-form-urlencoded" });
        bodies.add(new String[] { "/api/manifests", "post", "application/json" });
        for (ReleaseFile o : ReleaseFile.values())
            bodies.add(new String[] { "/" + o.path(), "post", "application/x-www-form-urlencoded" });
        for (String[] b : bodies) {
            Map<String, Object> schema = resolve(map(at("paths", b[0], b[1], "requestBody", "content", b[2], "schema"), b[0]));
            assertEquals(PARAMS, new TreeSet<>(map(schema.get("properties"), b[0]).keySet()), b[0] + " body");
            assertEquals(false, schema.get("additionalProperties"), b[0] + " refuses other names");
        }
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(document(), refs);
        assertTrue(refs.size() > Field.values().length * ReleaseFile.values().length,
                "the operations share components: " + refs.size());
        for (String ref : refs)
            assertNotNull(resolve(Map.of("$ref", ref)), ref);
    }

    /** Written out in every operation the parameters made 509 KB, which Quarkus 3.33 re-reads at each start. */
    @Test
    void theDocumentDescribesEachParameterOnce() {
        int bytes = given().get(management + "openapi").then().statusCode(200).extract().asByteArray().length;
        assertTrue(bytes < 128 * 1024, "OpenAPI document is " + bytes + " bytes");
        String help = Field.values()[0].help();
        String yaml = given().get(management + "openapi").then().extract().asString();
        int count = yaml.split(java.util.regex.Pattern.quote(help.substring(0, Math.min(40, help.length()))), -1).length - 1;
        assertTrue(count <= 2, "the first parameter's help appears " + count + " times (its parameter and the body schema)");
    }

    // ---- reading the document -------------------------------------------------------------------------

    private Object at(String... keys) {
        Object node = document();
        for (String key : keys) {
            node = resolve(map(node, String.join(" ", keys))).get(key);
            assertNotNull(node, () -> "no " + String.join(" → ", keys));
        }
        return node;
    }

    /** Follows a local {@code $ref} ("#/components/..."); anything else is returned as it is. */
    private Map<String, Object> resolve(Map<String, Object> node) {
        Object ref = node.get("$ref");
        if (ref == null)
            return node;
        String pointer = (String) ref;
        assertTrue(pointer.startsWith("#/"), "a local reference: " + pointer);
        Object target = document();
        for (String part : pointer.substring(2).split("/")) {
            target = map(target, pointer).get(part);
            assertNotNull(target, () -> "unresolved reference " + pointer);
        }
        return resolve(map(target, pointer));
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> m) {
            if (m.get("$ref") instanceof String s)
                refs.add(s);
            m.values().forEach(v -> collectRefs(v, refs));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectRefs(v, refs));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String where) {
        assertTrue(node instanceof Map, () -> where + ": expected a mapping, got " + node);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node, String where) {
        assertTrue(node instanceof List, () -> where + ": expected a list, got " + node);
        return (List<Object>) node;
    }
}
