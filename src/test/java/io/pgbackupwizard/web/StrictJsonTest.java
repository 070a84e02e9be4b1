package io.pgbackupwizard.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** /api/manifests reads one JSON object of strings: nothing is silently dropped, merged or rewritten. */
@QuarkusTest
class StrictJsonTest {

    @Test
    void aDuplicateKeyIsRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"database\":\"a\",\"database\":\"b\"}").post("/api/manifests")
                .then().statusCode(400).body("$", hasSize(1)).body("[0].field", equalTo("database"))
                .body("[0].message", containsString("more than once"));
    }

    @Test
    void contentAfterTheObjectIsRefused() {
        given().contentType(ContentType.JSON).body("{\"database\":\"a\"} {\"database\":\"b\"}").post("/api/manifests")
                .then().statusCode(400).body("[0].field", equalTo("body"));
    }

    @Test
    void aNumberIsRefusedNotRewritten() {
        given().contentType(ContentType.JSON).body("{\"database\":1e3}").post("/api/manifests")
                .then().statusCode(400).body("[0].field", equalTo("database"))
                .body("[0].message", containsString("JSON string"));
    }

    @Test
    void queryParametersOnAPostAreRefusedNotIgnored() {
        given().contentType(ContentType.JSON).queryParam("chartVersion", "17.1.0").body("{}").post("/api/manifests")
                .then().statusCode(400).body("[0].field", equalTo("query"));
    }
}
