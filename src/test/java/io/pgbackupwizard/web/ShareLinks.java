package io.pgbackupwizard.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The page's share link as a client sending these Host and X-Forwarded-Host headers sees it. */
final class ShareLinks {
    private ShareLinks() {}

    private static final Pattern LINK = Pattern.compile("id=\"share-link\"[^>]*>([^<]*)</a>");

    static String shareLink(String host, String forwardedHost) {
        var req = given().header("Host", host);
        if (forwardedHost != null) req = req.header("X-Forwarded-Host", forwardedHost).header("X-Forwarded-Proto", "https");
        String html = req.when().get("/").then().statusCode(200).extract().asString();
        Matcher m = LINK.matcher(html);
        assertTrue(m.find(), "no share link on the page");
        return m.group(1).replace("&amp;", "&");
    }
}
