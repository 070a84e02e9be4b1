package io.pgbackupwizard.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/** The pages link their script and styles by content hash; only those URLs are cached for long. */
@QuarkusTest
class StaticAssetsTest {

    static String sha256Prefix(String resource) throws IOException, NoSuchAlgorithmException {
        try (InputStream in = StaticAssetsTest.class.getClassLoader().getResourceAsStream("META-INF/resources/" + resource)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())).substring(0, 16);
        }
    }

    @ParameterizedTest
    @CsvSource({ "/,wizard.js", "/,wizard.css", "/doctor,wizard.css", "/doctor,doctor.css" })
    void thePageLinksTheAssetByContentHashAndThatUrlIsCachedForLong(String pagePath, String name) throws Exception {
        String page = given().accept("text/html").get(pagePath).then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("\"(/assets/([0-9a-f]{16})/" + Pattern.quote(name) + ")\"").matcher(page);
        assertTrue(m.find(), "the page links " + name + " by hash");
        assertEquals(sha256Prefix(name), m.group(2), "the hash is the content's");
        assertFalse(page.contains("\"/" + name + "\""), "no fixed URL left");
        given().get(m.group(1)).then().statusCode(200).header("Cache-Control", containsString("max-age=31536000"));
        given().get("/assets/0000000000000000/" + name).then().statusCode(404);
        String fixed = given().get("/" + name).then().statusCode(200).extract().header("Cache-Control");
        assertTrue(fixed == null || !fixed.contains("immutable") && !fixed.contains("max-age=86400"),
                "fixed URL cached: " + fixed);
    }
}
