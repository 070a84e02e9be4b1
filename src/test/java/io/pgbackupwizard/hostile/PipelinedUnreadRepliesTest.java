package io.pgbackupwizard.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pgbackupwizard.web.guard.PipelineLimiter;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Pipelined requests are bounded (web/guard/PipelineLimiter, with UnreadReplyGuard): a client that pipelines a few
 * requests and reads gets every answer, in order; one that sends a thousand and never reads (20 such
 * clients filled the direct memory; in 2026 browser-sized ones filled the heap) gets at most a handful of answers,
 * then its connection is closed, and the server goes on answering others.
 */
@Tag("slow") // a slow suite: runs in mvn verify (Failsafe), not in mvn test
@QuarkusTest
class PipelinedUnreadRepliesTest {

    static final int REQUESTS = 1000;
    /** A browser-sized request: ten more small headers than the minimum, as the review's deadly variant sent. */
    static final byte[] PAGE_REQUEST = ("GET /?database=app HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
            + "X-Pad-0: 0\r\nX-Pad-1: 1\r\nX-Pad-2: 2\r\nX-Pad-3: 3\r\nX-Pad-4: 4\r\nX-Pad-5: 5\r\nX-Pad-6: 6\r\n"
            + "X-Pad-7: 7\r\nX-Pad-8: 8\r\nX-Pad-9: 9\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    @TestHTTPResource("/")
    URL root;

    @Inject
    MeterRegistry registry;

    long pagesAnswered() {
        return registry.find("http.server.requests").tag("uri", "root").timers().stream().mapToLong(Timer::count).sum();
    }

    @Test
    void aClientThatPipelinesAFewAndReadsGetsEveryAnswerInOrder() throws Exception {
        int n = 10;
        StringBuilder requests = new StringBuilder();
        for (int i = 0; i < n; i++) {
            requests.append("GET /helmchart.yaml?installPath=kots&database=db").append(i)
                    .append(" HTTP/1.1\r\nHost: localhost\r\n\r\n");
        }
        try (Socket s = new Socket(root.getHost(), root.getPort())) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(requests.toString().getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String answers = readUntil(s.getInputStream(), "database: db" + (n - 1));
            int at = 0;
            for (int i = 0; i < n; i++) {
                int next = answers.indexOf("database: db" + i + "\n", at);
                assertTrue(next >= at, "answer " + i + " in order: " + answers.length() + " bytes read");
                at = next;
            }
        }
    }

    @Test
    void aClientThatNeverReadsIsClosedAfterAFewAnswersAndOthersAreServed() throws Exception {
        // The count is the server's, for every client: pages an earlier test still has in flight must not count here.
        long before = steadyCount();
        try (Socket s = new Socket()) {
            s.setReceiveBufferSize(4096);
            s.connect(new InetSocketAddress(root.getHost(), root.getPort()));
            s.setSoTimeout(30_000);
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = s.getOutputStream();
                    for (int i = 0; i < REQUESTS; i++)
                        out.write(PAGE_REQUEST);
                    out.flush();
                } catch (IOException closedByTheServer) {
                    // expected: the server closes the connection
                }
            });
            writer.setDaemon(true);
            writer.start();
            Thread.sleep(2000); // the client does not read
            long answered = waitUntilSteady(before);
            assertTrue(answered <= PipelineLimiter.PER_CONNECTION + 1, answered + " pages answered into an unread connection");
            // Reading now: the few answers, then the end of the stream (the server closed), not a thousand.
            int read = countAnswers(s.getInputStream(), REQUESTS);
            assertTrue(read <= PipelineLimiter.PER_CONNECTION + 1, read + " answers arrived");
        }
        try (InputStream in = root.toURI().resolve("/?database=other").toURL().openStream()) {
            assertTrue(in.readAllBytes().length > 1000, "the server still answers others");
        }
    }

    static String readUntil(InputStream in, String marker) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buf = new byte[1 << 16];
        int n;
        while (!text.toString().contains(marker) && (n = in.read(buf)) > 0)
            text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        return text.toString();
    }

    /** Waits until the answered count holds for two seconds (at most 20 s) and returns it. */
    /** The pages answered so far, once no page has been answered for half a second. */
    long steadyCount() throws InterruptedException {
        long last = pagesAnswered();
        long steadySince = System.nanoTime();
        while (System.nanoTime() - steadySince < 500_000_000L) {
            Thread.sleep(50);
            long now = pagesAnswered();
            if (now != last) {
                last = now;
                steadySince = System.nanoTime();
            }
        }
        return last;
    }

    long waitUntilSteady(long before) throws InterruptedException {
        long last = -1;
        long steadySince = System.nanoTime();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            long now = pagesAnswered() - before;
            if (now != last) {
                last = now;
                steadySince = System.nanoTime();
            } else if (now > 0 && System.nanoTime() - steadySince > 2_000_000_000L) {
                return now;
            }
            Thread.sleep(100);
        }
        return last;
    }

    /** Counts status lines "HTTP/1.1 200" in the stream until {@code expected} are seen or it ends (or is reset). */
    static int countAnswers(InputStream in, int expected) throws IOException {
        byte[] needle = "HTTP/1.1 200 ".getBytes(StandardCharsets.US_ASCII);
        byte[] buf = new byte[1 << 16];
        int seen = 0;
        int matched = 0;
        int n;
        while (seen < expected && (n = readOrEnd(in, buf)) > 0) {
            for (int i = 0; i < n; i++) {
                matched = buf[i] == needle[matched] ? matched + 1 : (buf[i] == needle[0] ? 1 : 0);
                if (matched == needle.length) {
                    seen++;
                    matched = 0;
                }
            }
        }
        return seen;
    }

    /** A server that closes a connection with unread requests makes the kernel send a reset: the end, here. */
    static int readOrEnd(InputStream in, byte[] buf) {
        try {
            return in.read(buf);
        } catch (IOException reset) {
            return -1;
        }
    }
}
