package io.pgbackupwizard.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** wizard.base-url wins over every header. */
@QuarkusTest
@TestProfile(ShareLinkBaseUrlTest.Profile.class)
class ShareLinkBaseUrlTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("wizard.base-url", "https://wizard.example.internal/");
        }
    }

    @Test
    void theConfiguredUrlIsTheLink() {
        String link = ShareLinks.shareLink("evil.example", "evil2.example");
        assertTrue(link.startsWith("https://wizard.example.internal/"), link);
    }
}
