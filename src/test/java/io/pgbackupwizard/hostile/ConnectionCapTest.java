package io.pgbackupwizard.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The connection cap (quarkus.http.limits.max-connections, 512 in production) holds, also for connections that
 * send nothing: connections beyond it are closed unanswered, and once held ones go, new ones are served. The cap
 * is lowered here so the test opens few.
 */
@Tag("slow") // a slow suite: runs in mvn verify (Failsafe), not in mvn test
@QuarkusTest
@TestProfile(ConnectionCapTest.Profile.class)
class ConnectionCapTest {

    static final int CAP = 4;

    public static class Profile implements QuarkusTestProfile {
        @Override public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-connections", Integer.toString(CAP));
        }
    }

    @TestHTTPResource("/")
    URL root;

    /** Asks for the plain-text help and returns whatever comes back before the server closes ("" if refused). */
    String ask() throws IOException {
        try (Socket s = new Socket(root.getHost(), root.getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\nAccept: text/plain\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) { // reset by the server
            return "";
        }
    }

    @Test
    void connectionsOverTheCapAreRefusedUntilHeldOnesClose() throws Exception {
        assertTrue(ask().startsWith("HTTP/1.1 200"), "served under the cap");
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < CAP; i++) held.add(new Socket(root.getHost(), root.getPort())); // silent
            Thread.sleep(500); // the server has accepted them
            assertFalse(ask().startsWith("HTTP/1.1"), "answered over the cap");
        } finally {
            for (Socket s : held) s.close();
        }
        String after = "";
        for (int i = 0; i < 50 && !after.startsWith("HTTP/1.1 200"); i++) {
            Thread.sleep(100); // the server notices the closes
            after = ask();
        }
        assertTrue(after.startsWith("HTTP/1.1 200"), "served again once the held connections closed");
    }
}
