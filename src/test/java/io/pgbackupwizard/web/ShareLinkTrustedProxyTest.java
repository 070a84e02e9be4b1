package io.pgbackupwizard.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Behind a proxy listed in trusted-proxies (the tests connect from loopback), the forwarded scheme and host make the link. */
@QuarkusTest
@TestProfile(ShareLinkTrustedProxyTest.Profile.class)
class ShareLinkTrustedProxyTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ShareLinks.behindProxy("10.0.0.0/8,127.0.0.0/8,::1");
        }
    }

    @Test
    void forwardedSchemeAndHostMakeTheLink() {
        String link = ShareLinks.shareLink("wizard-internal:8080", "pg-wizard.example.com");
        assertTrue(link.startsWith("https://pg-wizard.example.com/"), link);
    }

    @Test
    void aForwardedHostThatIsNoHostNameIsAClear400() {
        String body = given().header("X-Forwarded-Host", "evil.example/phish?x=\"<b>").header("X-Forwarded-Proto", "https")
                .when().get("/").then().statusCode(400).extract().asString();
        assertTrue(body.contains("Host header is not a host name"), body);
        assertFalse(body.contains("evil"), body);
    }
}
