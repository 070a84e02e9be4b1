package io.pgbackupwizard.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Health, metrics and OpenAPI live on the management port only; metric tags stay bounded; security headers. */
@QuarkusTest
class OperatorEndpointsTest {

    @TestHTTPResource(value = "/", management = true) // the management root, /q/
    URL management;

    @Test
    void operatorEndpointsAreOnTheManagementPortOnly() {
        for (String path : new String[] { "/q/health/live", "/q/metrics", "/q/openapi", "/q/swagger-ui/" }) {
            given().get(path).then().statusCode(404);
        }
        given().get(management + "health/live").then().log().ifValidationFails().statusCode(200).body("status", equalTo("UP"));
        given().get(management + "openapi").then().statusCode(200).body(containsString("/api/manifests"));
        given().get(management + "metrics").then().statusCode(200);
    }

    @Test
    void inventedHttpMethodsShareOneMetricTag() {
        for (int i = 0; i < 30; i++)
            given().request("M" + i, "/").then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
        String metrics = given().get(management + "metrics").then().statusCode(200).extract().asString();
        Set<String> methods = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^http_server_requests_seconds_count\\{[^}]*method=\"([^\"]*)\"").matcher(metrics);
        while (m.find())
            methods.add(m.group(1));
        assertTrue(methods.contains("OTHER"), () -> "invented methods are counted as OTHER: " + methods);
        assertTrue(methods.stream().noneMatch(x -> x.startsWith("M") && !x.equals("MOVE")),
                () -> "no tag per invented method: " + methods);
        assertTrue(HttpMetricTags.KNOWN_METHODS.containsAll(methods.stream().filter(x -> !x.equals("OTHER")).toList()),
                methods::toString);
    }

    @Test
    void pagesAndStaticFilesCarrySecurityHeaders() {
        for (String path : new String[] { "/", "/wizard.js", "/wizard.css", "/helmchart.yaml" }) {
            String csp = given().accept(path.equals("/") ? "text/html" : "*/*").get(path).then().statusCode(200)
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("no-referrer"))
                    .extract().header("Content-Security-Policy");
            assertTrue(csp != null && csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'")
                    && !csp.contains("unsafe-inline"), () -> path + ": " + csp);
        }
    }
}
