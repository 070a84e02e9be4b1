package io.pgbackupwizard.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The page's share link as a client sending these Host and X-Forwarded-Host headers sees it. */
final class ShareLinks {
    private ShareLinks() {
    }

    /**
     * Test-profile settings for a service behind a proxy: forwarded headers on, and these proxies trusted
     * (null: no trusted-proxies list at all).
     */
    static Map<String, String> behindProxy(String trustedProxies) {
        Map<String, String> config = new HashMap<>(Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.enable-forwarded-host", "true"));
        if (trustedProxies != null)
            config.put("quarkus.http.proxy.trusted-proxies", trustedProxies);
        return config;
    }

    private static final Pattern LINK = Pattern.compile("id=\"share-link\"[^>]*>([^<]*)</a>");

    static String shareLink(String host, String forwardedHost) {
        var req = given().header("Host", host);
        if (forwardedHost != null)
            req = req.header("X-Forwarded-Host", forwardedHost).header("X-Forwarded-Proto", "https");
        String html = req.when().get("/").then().statusCode(200).extract().asString();
        Matcher m = LINK.matcher(html);
        assertTrue(m.find(), "no share link on the page");
        return m.group(1).replace("&amp;", "&");
    }
}
