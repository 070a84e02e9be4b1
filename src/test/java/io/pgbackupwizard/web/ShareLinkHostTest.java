package io.pgbackupwizard.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** No base URL configured, no proxy: the share link is the address the connection arrived on, never the Host header. */
@QuarkusTest
class ShareLinkHostTest {

    @Test
    void hostAndForwardedHostAreIgnored() {
        String link = ShareLinks.shareLink("evil.example", "evil2.example");
        assertFalse(link.contains("evil"), link);
        assertTrue(link.startsWith("http://127.0.0.1:"), link);
    }
}
