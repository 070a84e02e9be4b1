package io.pgbackupwizard.web;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Forwarding on but no trusted-proxies list: the framework would trust every client; the link trusts none. */
@QuarkusTest
@TestProfile(ShareLinkAllProxiesTest.Profile.class)
class ShareLinkAllProxiesTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ShareLinks.behindProxy(null);
        }
    }

    @Test
    void forwardedHeadersAreIgnoredWithoutATrustedList() {
        String link = ShareLinks.shareLink("evil.example", "evil2.example");
        assertFalse(link.contains("evil"), link);
    }
}
