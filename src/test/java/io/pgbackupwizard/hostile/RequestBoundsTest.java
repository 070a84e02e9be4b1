package io.pgbackupwizard.hostile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.pgbackupwizard.doctor.Findings;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * What one request can cost is bounded, and refusals end the connection: the doctor's answer for a file that
 * repeats one mistake thousands of times, header blocks, bodies that trickle in, a second Host or
 * Transfer-Encoding, a query beside a POST body, and the cache headers of answers that carry user data.
 * (The body deadline is 2 s here, 10 s in production, so the test does not wait long.)
 */
@QuarkusTest
@TestProfile(RequestBoundsTest.ShortDeadline.class)
class RequestBoundsTest {

    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("wizard.guard.body-deadline", "2s");
        }
    }

    @TestHTTPResource("/")
    URL root;

    /** The review's 56 KB file: one backup hook of 7,000 pg_dump commands, each missing -U, -h and -p. */
    static String repeatedMistakes() {
        return "apiVersion: kots.io/v1beta2\nkind: HelmChart\nmetadata: {name: p}\nspec:\n  chart: {chartVersion: 17.1.0}\n"
                + "  values:\n    primary:\n      podAnnotations:\n        pre.hook.backup.velero.io/command: '[\"/bin/bash\", \"-c\", \""
                + "pg_dump;".repeat(7000) + "\"]'\n";
    }

    @Test
    void theDoctorListsABoundedNumberOfFindingsAndSaysHowManyMore() {
        String file = repeatedMistakes();
        assertTrue(file.length() > 56_000 && file.length() < 64 * 1024, "under the body limit: " + file.length());
        Response html = given().contentType("application/yaml").accept("text/html").body(file.getBytes(StandardCharsets.UTF_8))
                .post("/doctor");
        html.then().statusCode(200).header("Cache-Control", "no-store");
        String page = html.asString();
        assertTrue(page.length() < 400_000, "a bounded page: " + page.length() + " bytes");
        assertTrue(page.matches("(?s).*[0-9]+ more not listed \\(repeats of one finding\\).*"), "says what was dropped");

        List<Object> findings = given().contentType("application/yaml").accept("application/json")
                .body(file.getBytes(StandardCharsets.UTF_8))
                .post("/doctor").then().statusCode(200).extract().jsonPath().getList("findings");
        assertTrue(findings.size() <= Findings.MAX, findings.size() + " findings");
        int notListed = given().contentType("application/yaml").accept("application/json")
                .body(file.getBytes(StandardCharsets.UTF_8))
                .post("/doctor").then().extract().jsonPath().getInt("notListed");
        // The rules read at most ShellScript.MAX_COMMANDS commands of a hook (three findings each here).
        assertTrue(notListed > 500, "the repeats are counted: " + notListed);
    }

    /** The coloured diff tags runs of lines, not lines: 30,000 one-character lines cost a few tags, not 30,000. */
    @Test
    void aDiffOfManyShortLinesStaysSmall() {
        String file = "apiVersion: kots.io/v1beta2\nkind: HelmChart\nmetadata:\n  name: postgresql\n" + "#\n".repeat(30_000)
                + "spec:\n  chart:\n    name: postgresql\n    chartVersion: 17.1.0\n";
        assertTrue(file.length() < 64 * 1024, "under the body limit: " + file.length());
        String page = given().contentType("application/yaml").accept("text/html").body(file.getBytes(StandardCharsets.UTF_8))
                .post("/doctor").then().statusCode(200).extract().asString();
        assertTrue(page.contains("class=\"diff-del\""), "the diff is shown");
        assertTrue(page.length() < 4 * file.length() + 60_000, "the page stays within a few times the file: " + page.length()
                + " bytes for " + file.length());
    }

    @Test
    void aHeaderBlockOverFourKilobytesIsRefused() throws IOException {
        StringBuilder request = new StringBuilder("GET / HTTP/1.1\r\nHost: localhost\r\n");
        for (int i = 0; i < 600; i++)
            request.append('h').append(i).append(": v\r\n"); // about 5 KB of small headers
        String answer = send(request.append("\r\n").toString());
        assertTrue(answer.startsWith("HTTP/1.1 431"), answer.lines().findFirst().orElse("no answer"));

        StringBuilder browserSized = new StringBuilder("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        for (int i = 0; i < 12; i++)
            browserSized.append("X-Header-").append(i).append(": ").append("v".repeat(60)).append("\r\n");
        assertTrue(send(browserSized.append("\r\n").toString()).startsWith("HTTP/1.1 200"), "a browser's 1 KB passes");
    }

    @Test
    void aTricklingBodyIsCutAtTheDeadlineWhileOthersAreServed() throws Exception {
        // Warm first: the bound below is about worker threads, not a cold JIT's first generation (up to 2 s here).
        given().get("/helmchart.yaml").then().statusCode(200);
        given().contentType("application/json").body("{\"chartVersion\":\"17.1.0\"}").post("/api/manifests").then()
                .statusCode(200);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            // More trickling clients than the 4 worker threads: read on the event loop, they hold none of them.
            List<Future<String>> slow = new ArrayList<>();
            for (int i = 0; i < 6; i++)
                slow.add(pool.submit(RequestBoundsTest.this::trickle));
            Thread.sleep(500);
            long t = System.nanoTime();
            given().get("/helmchart.yaml").then().statusCode(200);
            given().contentType("application/json").body("{\"chartVersion\":\"17.1.0\"}").post("/api/manifests")
                    .then().statusCode(200);
            assertTrue(System.nanoTime() - t < 1_500_000_000L, "others are answered at once, not after the deadline");
            for (Future<String> f : slow) {
                String answer = f.get();
                assertTrue(answer.startsWith("HTTP/1.1 408"), answer.lines().findFirst().orElse("no answer"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Promises 60,000 bytes of form and sends one every 300 ms; returns the answer. */
    String trickle() throws IOException {
        try (Socket s = new Socket(root.getHost(), root.getPort())) {
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /helmchart.yaml HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded"
                    + "\r\nContent-Length: 60000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            s.setSoTimeout(300);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            for (int i = 0; i < 40; i++) {
                try {
                    out.write('a');
                    out.flush();
                } catch (IOException closed) {
                    break;
                }
                try {
                    byte[] buf = new byte[4096];
                    int n = in.read(buf);
                    if (n < 0)
                        break;
                    answer.write(buf, 0, n);
                } catch (SocketTimeoutException nothingYet) {
                    // keep trickling
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aRefusalClosesTheConnectionSoTheBodyIsNeverReadAsARequest() throws IOException {
        String smuggled = "GET /helmchart.yaml?name=smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
        String answer = send("POST /api/manifests HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\n\r\n" + smuggled);
        assertTrue(answer.startsWith("HTTP/1.1 501"), answer);
        assertFalse(answer.contains("smuggled"), "the bytes after the refused head are not answered: " + answer);

        String twoTe = send("POST /api/manifests HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                + "Transfer-Encoding: xchunked\r\nContent-Type: application/json\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
        assertTrue(twoTe.startsWith("HTTP/1.1 501") || twoTe.startsWith("HTTP/1.1 400"), twoTe);

        String twoHosts = send("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n" + smuggled);
        assertTrue(twoHosts.startsWith("HTTP/1.1 400"), twoHosts);
        assertTrue(twoHosts.contains("more than one Host"), twoHosts);
        assertFalse(twoHosts.contains("smuggled"), twoHosts);
    }

    @Test
    void aQueryBesideAPostBodyIsAnError() {
        given().contentType("application/x-www-form-urlencoded").formParam("name", "fromform")
                .post("/helmchart.yaml?name=fromquery").then().statusCode(400)
                .body(containsString("query: parameters go in the body of a POST, not in the query string"));
        given().contentType("application/x-www-form-urlencoded").formParam("name", "fromform")
                .post("/?bogus=1").then().statusCode(400).body(containsString("query: "));
        given().contentType("application/yaml").body("kind: HelmChart".getBytes(StandardCharsets.UTF_8)).post("/doctor?x=1")
                .then().statusCode(400);
    }

    @Test
    void answersThatCarryUserDataAreNotCachedBySharedCaches() {
        given().get("/?database=orders").then().statusCode(200).header("Cache-Control", equalTo("private, no-cache"));
        given().get("/helmchart.yaml").then().statusCode(200).header("Cache-Control", equalTo("private, no-cache"));
        given().accept("text/html").get("/doctor").then().statusCode(200).header("Cache-Control", equalTo("no-store"));
        String script = given().accept("text/html").get("/").then().extract().asString()
                .replaceAll("(?s).*<script src=\"([^\"]+)\".*", "$1");
        given().get(script).then().statusCode(200).header("Cache-Control", containsString("immutable"));
    }

    /** The whole answer to raw request bytes; the server closes the connection after it. */
    String send(String request) throws IOException {
        try (Socket s = new Socket(root.getHost(), root.getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            s.getInputStream().transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException e) {
            assertEquals("closed", "still open after 10 s", "the server did not close the connection");
            throw e;
        }
    }
}
