package io.pgbackupwizard.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Requests no HTTP client library would send as written: raw bytes on a socket, the answer read as bytes. */
@QuarkusTest
class RawHttpTest {

    @TestHTTPResource("/")
    URL root;

    /** Sends the request bytes as given and returns the whole answer (the server closes: Connection: close). */
    String send(byte[] request) throws IOException {
        try (Socket s = new Socket(root.getHost(), root.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String get(String pathAndQueryUtf8) {
        // the UTF-8 bytes of the target, each as one char, so bytes() writes them unchanged
        return new String(pathAndQueryUtf8.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void rawUtf8InTheQueryIsReadAsUtf8() throws IOException {
        String answer = send(bytes("GET " + get("/?database=Müller") + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer.lines().findFirst().orElse(""));
        assertTrue(answer.contains("Müller"), "the value is echoed as sent");
        assertFalse(answer.contains("MÃ¼ller"), "read as Latin-1");
    }

    @Test
    void queryBytesThatAreNotUtf8AreA400SayingSo() throws IOException {
        String answer = send(bytes("GET /?database=M\u00fcller HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("not UTF-8"), answer);
    }
}
