package io.pgbackupwizard.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

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
        String answer = send(
                bytes("GET " + get("/?database=Müller") + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        // 400: user and database names are ASCII only, and the form shows the value as it was read
        assertTrue(answer.contains("value=\"Müller\""), "the value is echoed as sent");
        assertFalse(answer.contains("MÃ¼ller"), "read as Latin-1");
    }

    @Test
    void queryBytesThatAreNotUtf8AreA400SayingSo() throws IOException {
        String answer = send(bytes("GET /?database=M\u00fcller HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("not UTF-8"), answer);
    }

    /** Log records at ERROR (SEVERE) or above while {@code action} runs. */
    static List<String> errorsLoggedDuring(IoAction action) throws IOException {
        List<String> errors = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.SEVERE.intValue())
                    errors.add(r.getLoggerName() + ": " + r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(h);
        try {
            action.run();
        } finally {
            root.removeHandler(h);
        }
        return errors;
    }

    interface IoAction {
        void run() throws IOException;
    }

    @ParameterizedTest
    @ValueSource(strings = { "bad host", "a^b", "[::1", "x:y:z", "evil.example/path", "host:99999999" })
    void aBadHostIsAPlain400WithNoErrorLogged(String host) throws IOException {
        String[] answer = new String[1];
        List<String> errors = errorsLoggedDuring(() -> answer[0] = send(bytes(
                "GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")));
        assertTrue(answer[0].startsWith("HTTP/1.1 400"), answer[0]);
        String body = answer[0].substring(answer[0].indexOf("\r\n\r\n") + 4);
        assertTrue(body.contains("Host header"), body);
        assertFalse(body.contains("500"), body);
        assertTrue(errors.isEmpty(), "logged: " + errors);
    }

    @Test
    void aGoodHostStillGetsThePage() throws IOException {
        String answer = send(bytes("GET / HTTP/1.1\r\nHost: wizard.example:8443\r\nConnection: close\r\n\r\n"));
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer.lines().findFirst().orElse(""));
    }

    @ParameterizedTest
    @ValueSource(strings = { "gzip", "identity", "chunked, gzip", "xchunked" })
    void anUnknownTransferEncodingIsRefused(String te) throws IOException {
        String answer = send(bytes("POST /api/manifests HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: " + te + "\r\nConnection: close\r\n\r\n{}"));
        // 501 from RequestHeaderGuard; the HTTP decoder itself already refuses some (400), never read as a body
        assertTrue(answer.startsWith("HTTP/1.1 501") || answer.startsWith("HTTP/1.1 400"), answer);
        assertFalse(answer.contains("\"details\""), answer);
    }
}
