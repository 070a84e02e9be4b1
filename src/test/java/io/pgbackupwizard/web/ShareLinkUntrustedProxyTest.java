package io.pgbackupwizard.web;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Forwarded headers from an address not in trusted-proxies are ignored. */
@QuarkusTest
@TestProfile(ShareLinkUntrustedProxyTest.Profile.class)
class ShareLinkUntrustedProxyTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ShareLinks.behindProxy("10.9.8.7");
        }
    }

    @Test
    void forwardedHeadersAreIgnored() {
        String link = ShareLinks.shareLink("evil.example", "evil2.example");
        assertFalse(link.contains("evil"), link);
    }
}
