package io.pgbackupwizard.hostile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.pgbackupwizard.hostile.HostileCorpus.Hostile;
import io.pgbackupwizard.model.WizardInputParser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The hostile corpus through HTTP: the query string and the JSON API give each value the parser's verdict (a 400
 * naming exactly that field, or the manifest), hostile parameter names and malformed JSON get a 400, never a 500.
 */
@Tag("slow") // a slow suite: runs in mvn verify (Failsafe), not in mvn test
@QuarkusTest
class HostileHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WizardInputParser PARSER = new WizardInputParser();

    static Stream<Hostile> corpus() {
        return HostileCorpus.entries().stream();
    }

    private static boolean rejected(Hostile h) {
        return !PARSER.parse(Map.of(h.field().param(), List.of(h.value()))).ok();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void queryStringGetsTheParsersVerdict(Hostile h) {
        Response r = given().queryParam(h.field().param(), h.value()).when().get("/helmchart.yaml");
        if (rejected(h)) {
            r.then().statusCode(400).contentType(startsWith("text/plain"));
            List<String> lines = r.asString().lines().toList();
            assertFalse(lines.isEmpty());
            lines.forEach(line -> assertTrue(line.startsWith(h.field().param() + ": "), () -> "line: " + line));
        } else {
            r.then().statusCode(200).contentType(startsWith("application/yaml"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void jsonGetsTheParsersVerdict(Hostile h) throws JsonProcessingException {
        Response r = postJson(JSON.writeValueAsString(Map.of(h.field().param(), h.value())));
        JsonNode body = JSON.readTree(r.asString());
        if (rejected(h)) {
            r.then().statusCode(400).contentType(ContentType.JSON);
            assertTrue(body.isArray() && !body.isEmpty(), body::toString);
            body.forEach(error -> {
                assertEquals(h.field().param(), error.path("field").asText(), body::toString);
                assertFalse(error.path("message").asText().isBlank());
            });
        } else {
            r.then().statusCode(200).contentType(ContentType.JSON);
            assertTrue(body.path("backupAnnotation").asText().startsWith("["), body::toString);
        }
    }

    static List<String> hostileNames() {
        return List.of("$(touch canary)", "../../etc/passwd", "n".repeat(300), "<script>alert(1)</script>",
                "usеrname", "Username", "chartversion", "user\u200Bname", "x\u0000y", "__proto__", "{{ .Values }}",
                "mount Path", "mountPath[]", "mountPath.x", "ü\n: x");
    }

    @ParameterizedTest
    @MethodSource("hostileNames")
    void unknownParameterNameInQueryIs400WithoutEchoingItRaw(String name) {
        Response r = given().queryParam(name, "x").when().get("/helmchart.yaml");
        r.then().statusCode(400).contentType(startsWith("text/plain"));
        String body = r.asString();
        assertTrue(body.contains("unknown parameter"), body);
        assertTrue(body.chars().allMatch(c -> c == '\n' || c >= 0x20 && c < 0x7F), "only printable ASCII: " + body);
        // the first error lists the known names once (they grow with the fields); the echoed name stays short
        int known = String.join(", ", io.pgbackupwizard.model.Field.params()).length();
        assertTrue(body.lines().allMatch(l -> l.length() < 400 + known), "echo must be bounded");
    }

    @ParameterizedTest
    @MethodSource("hostileNames")
    void unknownMemberNameInJsonIs400WithoutEchoingItRaw(String name) throws JsonProcessingException {
        Response r = postJson(JSON.writeValueAsString(Map.of(name, "x")));
        r.then().statusCode(400).contentType(ContentType.JSON);
        List<String> fields = r.jsonPath().getList("field", String.class);
        assertEquals(1, fields.size(), r.asString());
        assertTrue(fields.get(0).chars().allMatch(c -> c >= 0x20 && c < 0x7F) && fields.get(0).length() <= 50,
                () -> "echoed name: " + fields.get(0));
        assertTrue(r.jsonPath().getString("[0].message").startsWith("unknown parameter"));
    }

    static Stream<Arguments> malformedJson() {
        Set<String> member = Set.of("username");
        Set<String> body = Set.of("body");
        return Stream.of(
                Arguments.of("{\"username\": {\"a\": 1}}", member),
                Arguments.of("{\"username\": [\"a\"]}", member),
                Arguments.of("{\"username\": null}", member),
                Arguments.of("{\"username\": [[[[[[]]]]]]}", member),
                Arguments.of("[]", body),
                Arguments.of("[{\"username\": \"a\"}]", body),
                Arguments.of("\"username\"", body),
                Arguments.of("42", body),
                Arguments.of("null", body),
                Arguments.of("true", body),
                Arguments.of("{", body),
                Arguments.of("{\"username\": }", body),
                Arguments.of("{\"username\": \"a\",}", body),
                Arguments.of("{'username': 'a'}", body),
                Arguments.of("[".repeat(10_000) + "]".repeat(10_000), body),
                Arguments.of("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000), body),
                Arguments.of("{\"hookTimeout\": " + "9".repeat(5_000) + "}", Set.of("body", "hookTimeout")),
                Arguments.of("{\"hookTimeout\": 1e999999}", Set.of("body", "hookTimeout")),
                Arguments.of("{\"restoreHook\": 0}", Set.of("restoreHook")));
    }

    @ParameterizedTest
    @MethodSource("malformedJson")
    void malformedJsonIs400NamingTheCulprit(String json, Set<String> culprits) {
        Response r = postJson(json);
        r.then().statusCode(400).contentType(ContentType.JSON);
        List<String> fields = r.jsonPath().getList("field", String.class);
        assertFalse(fields.isEmpty());
        assertTrue(culprits.containsAll(fields), () -> "errors name " + fields + ", want " + culprits);
    }

    @Test
    void invalidUtf8InJsonIs400() {
        byte[] json = "{\"username\": \"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1); // a lone 0xFF byte
        Response r = given().contentType("application/json; charset=UTF-8").body(json).when().post("/api/manifests");
        r.then().statusCode(400);
    }

    @Test
    void jsonApiRefusesOtherMediaTypes() {
        given().contentType(ContentType.TEXT).body("username=x").when().post("/api/manifests").then().statusCode(415);
    }

    private static Response postJson(String json) {
        return given().contentType(ContentType.JSON).body(json.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/manifests");
    }
}
