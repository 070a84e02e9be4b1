package io.pgbackupwizard.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The connection cap (quarkus.http.limits.max-connections, 512 in production) holds, also for connections that
 * send nothing: connections beyond it are closed unanswered, and once held ones go, new ones are served. Run
 * against the packaged app in its own process with the cap lowered to 4 (an in-JVM test app keeps the HTTP
 * server, and so the cap, of the first app the test JVM started).
 */
@Tag("slow") // a slow suite: runs in mvn verify (Failsafe), after the package phase built the app
class ConnectionCapTest {

    static final int CAP = 4;
    static final Path APP = Path.of("target/quarkus-app/quarkus-run.jar");
    /** The app's own output, named in a failure (it says whether it bound the port and what it rejected). */
    static final Path LOG = Path.of("target/connection-cap-server.log");
    static Process server;
    static int port;

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isRegularFile(APP))
            fail("the packaged app is missing (" + APP + "): run mvn verify, not the class alone");
        port = freePort();
        int management = freePort();
        server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port, "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.management.port=" + management, "-Dquarkus.http.limits.max-connections=" + CAP,
                "-Dquarkus.log.category.\"io.quarkus.vertx.http\".level=DEBUG",
                "-jar", APP.toString()).redirectErrorStream(true).redirectOutput(LOG.toFile()).start();
        for (int i = 0; i < 600; i++) {
            if (ask().startsWith("HTTP/1.1 200"))
                return;
            if (!server.isAlive())
                fail("the app exited during start-up");
            Thread.sleep(100);
        }
        fail("the app did not answer within 60 s");
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.destroyForcibly();
    }

    static String serverLog() {
        try {
            String log = Files.readString(LOG);
            return log.length() > 6000 ? log.substring(log.length() - 6000) : log;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Asks for the plain-text help and returns whatever comes back before the server closes ("" if refused). */
    static String ask() {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\nAccept: text/plain\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) { // refused or reset
            return "";
        }
    }

    @Test
    void connectionsOverTheCapAreRefusedUntilHeldOnesClose() throws Exception {
        assertTrue(ask().startsWith("HTTP/1.1 200"), "served under the cap");
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < CAP; i++)
                held.add(new Socket("127.0.0.1", port)); // silent
            // The server counts them as it accepts them (on a loaded machine, not at once): refused within 10 s.
            boolean refused = false;
            for (int i = 0; i < 100 && !refused; i++) {
                Thread.sleep(100);
                refused = !ask().startsWith("HTTP/1.1");
            }
            assertTrue(refused, () -> "still answered over the cap after 10 s; the app (alive: " + server.isAlive()
                    + ", port " + port + ") wrote:\n" + serverLog());
        } finally {
            for (Socket s : held)
                s.close();
        }
        String after = "";
        for (int i = 0; i < 50 && !after.startsWith("HTTP/1.1 200"); i++) {
            Thread.sleep(100); // the server notices the closes
            after = ask();
        }
        assertTrue(after.startsWith("HTTP/1.1 200"), "served again once the held connections closed");
    }
}
