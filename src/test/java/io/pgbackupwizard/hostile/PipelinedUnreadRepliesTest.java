package io.pgbackupwizard.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A client pipelines many page requests on one connection and does not read (issue 14: 20 such clients used to
 * fill the 64 MB of direct memory). The server must answer only as far as the connection takes bytes, and the
 * client that then reads must still get every answer.
 */
@Tag("slow") // a slow suite: runs in mvn verify (Failsafe), not in mvn test
@QuarkusTest
class PipelinedUnreadRepliesTest {

    static final int REQUESTS = 1000;
    static final byte[] PAGE_REQUEST = "GET /?database=app HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    @TestHTTPResource("/")
    URL root;

    @Inject
    MeterRegistry registry;

    long pagesAnswered() {
        return registry.find("http.server.requests").tag("uri", "root").timers().stream().mapToLong(Timer::count).sum();
    }

    /** Bytes the kernel may buffer for one loopback connection before the server sees it as unwritable. */
    static long kernelSendBufferMax() throws IOException {
        String[] wmem;
        try (InputStream in = Files.newInputStream(Path.of("/proc/sys/net/ipv4/tcp_wmem"))) { // size 0 to readString
            wmem = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
        }
        return Long.parseLong(wmem[2]);
    }

    @Test
    void answersOnlyAsFastAsTheClientReadsAndLosesNone() throws Exception {
        long pageBytes;
        try (InputStream in = root.toURI().resolve("/?database=app").toURL().openStream()) {
            pageBytes = in.readAllBytes().length;
        }
        // What may legitimately sit unread: the kernel's send buffer, Netty's 64 KiB high-water mark, the
        // client's small receive buffer, and one answer in progress.
        long allowed = (kernelSendBufferMax() + 256 * 1024) / pageBytes + 2;
        assertTrue(allowed < REQUESTS / 4, "the kernel buffers so much (" + kernelSendBufferMax()
                + " bytes) that this test cannot tell pipelined answers held back from answers sent");

        long before = pagesAnswered();
        try (Socket s = new Socket()) {
            s.setReceiveBufferSize(4096);
            s.connect(new InetSocketAddress(root.getHost(), root.getPort()));
            s.setSoTimeout(60_000);
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = s.getOutputStream();
                    for (int i = 0; i < REQUESTS; i++) out.write(PAGE_REQUEST);
                    out.flush();
                } catch (IOException e) {
                    // the reader below reports what arrived
                }
            });
            writer.setDaemon(true);
            writer.start();

            // Unread: the number of answers produced stops growing, far below what was asked.
            long answered = waitUntilSteady(before);
            assertTrue(answered <= allowed, answered + " pages answered into an unread connection; at most "
                    + allowed + " fit in the kernel's and Netty's buffers (" + pageBytes + " bytes each)");

            // Then read: every answer arrives, none dropped.
            assertEquals(REQUESTS, countAnswers(s.getInputStream(), REQUESTS), "answers after reading");
        }
    }

    /** Waits until the answered count holds for two seconds (at most 20 s) and returns it. */
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

    /** Counts status lines "HTTP/1.1 200" in the stream until {@code expected} are seen or it ends. */
    static int countAnswers(InputStream in, int expected) throws IOException {
        byte[] needle = "HTTP/1.1 200 ".getBytes(StandardCharsets.US_ASCII);
        byte[] buf = new byte[1 << 16];
        int seen = 0;
        int matched = 0;
        int n;
        while (seen < expected && (n = in.read(buf)) > 0) {
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
}
