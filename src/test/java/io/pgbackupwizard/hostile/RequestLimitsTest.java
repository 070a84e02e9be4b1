package io.pgbackupwizard.hostile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Every parameter fits in a few hundred bytes, so big requests are refused by the HTTP layer (application.properties:
 * 64 KiB body, 8 KiB request line, 2 KiB form attribute) with a 4xx, never a 500.
 */
@Tag("slow") // a slow suite: runs in mvn verify (Failsafe), not in mvn test
@QuarkusTest
class RequestLimitsTest {

    private static final Duration QUICK = Duration.ofSeconds(10);

    private static String jsonOfSize(int bytes) {
        String head = "{\"username\": \"";
        return head + "a".repeat(bytes - head.length() - 2) + "\"}";
    }

    @Test
    void jsonBodyOver64KiBIs413Quickly() {
        long t0 = System.nanoTime();
        given().contentType(ContentType.JSON).body(jsonOfSize(70 * 1024)).when().post("/api/manifests")
                .then().statusCode(413);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertTrue(took.compareTo(QUICK) < 0, "took " + took);
    }

    @Test
    void chunkedJsonBodyOver64KiBIs413Too() {
        // No Content-Length: the limit must hold while reading, not only when the header announces the size.
        byte[] body = jsonOfSize(70 * 1024).getBytes(StandardCharsets.UTF_8);
        given().contentType(ContentType.JSON).body(new ByteArrayInputStream(body)).when().post("/api/manifests")
                .then().statusCode(413);
    }

    @Test
    void jsonBodyJustUnderTheLimitIsReadAndJudgedByTheParser() {
        Response r = given().contentType(ContentType.JSON).body(jsonOfSize(60 * 1024)).when().post("/api/manifests");
        r.then().statusCode(400);
        assertEquals("username", r.jsonPath().getString("[0].field"));
    }

    @Test
    void requestLineOver8KiBIs414Or400() {
        given().queryParam("username", "a".repeat(9 * 1024)).when().get("/helmchart.yaml")
                .then().statusCode(anyOf(is(414), is(400)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/helmchart.yaml", "/" })
    void formAttributeOf3000BytesIs400Or413(String path) {
        given().contentType(ContentType.URLENC).formParam("username", "a".repeat(3000)).when().post(path)
                .then().statusCode(anyOf(is(400), is(413)));
    }
}
