package io.pgbackupwizard.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every attack shape of the 2026-12-02 security review (bench/attacks.py: never-read pipelines, header floods,
 * trickling bodies, doctor amplification and backtracking, idle connections), each alone and then all at once,
 * against the packaged app in its own process started with the JVM flags and malloc arena cap read from the
 * Dockerfile. Each must leave the process alive, the management health check never silent for a second, a
 * well-behaved user answered, the doctor's answers within their bounds, and the live heap after a full GC within
 * 10 % of before. Shorter than bench/soak (seconds, not a minute, at scale 1): bench/README.md has the long runs.
 * Not proven here: the container's cgroup memory limit (kernel socket buffers count there), and Java 25.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttackShapesTest {

    static final Path APP = Path.of("target/quarkus-app/quarkus-run.jar");
    static final Path LOG = Path.of("target/attack-shapes-server.log");
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static Process server;
    static int port, management;
    static long baselineHeap;
    static final List<String> FIGURES = new ArrayList<>();

    /** JAVA_OPTS and MALLOC_ARENA_MAX exactly as the Dockerfile's ENV sets them. */
    static List<String> dockerfileJvmFlags() throws IOException {
        Matcher m = Pattern.compile("JAVA_OPTS=\"([^\"]+)\"").matcher(Files.readString(Path.of("Dockerfile")));
        if (!m.find())
            fail("no JAVA_OPTS=\"...\" in the Dockerfile");
        return Arrays.asList(m.group(1).trim().split("\\s+"));
    }

    static String dockerfileMallocArenas() throws IOException {
        Matcher m = Pattern.compile("MALLOC_ARENA_MAX=(\\d+)").matcher(Files.readString(Path.of("Dockerfile")));
        if (!m.find())
            fail("no MALLOC_ARENA_MAX in the Dockerfile");
        return m.group(1);
    }

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isRegularFile(APP))
            fail("the packaged app is missing (" + APP + "): run mvn verify, not the class alone");
        if (new ProcessBuilder("python3", "--version").start().waitFor() != 0)
            fail("python3 is needed (bash .ci/deps)");
        port = freePort();
        management = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(dockerfileJvmFlags());
        command.addAll(List.of("-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + management, "-jar", APP.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(LOG.toFile());
        pb.environment().put("MALLOC_ARENA_MAX", dockerfileMallocArenas());
        server = pb.start();
        FIGURES.add("flags: " + String.join(" ", dockerfileJvmFlags()) + ", MALLOC_ARENA_MAX=" + dockerfileMallocArenas());
        for (int i = 0; i < 600 && status("/q/health/ready", management) != 200; i++) {
            if (!server.isAlive())
                fail("the app exited during start-up; see " + LOG);
            Thread.sleep(100);
        }
        // Warm every kind of answer once, so lazily built state (templates, caches) is in the baseline.
        for (String path : List.of("/", "/helmchart.yaml", "/bundle.zip?installPath=kots", "/doctor",
                "/?installPath=embedded-v3")) {
            assertEquals(200, status(path, port), path);
        }
        runShape("doctor-bomb", 2);
        baselineHeap = liveHeapKb();
        FIGURES.add("live heap after warm-up: " + baselineHeap + " KB");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor(15, TimeUnit.SECONDS);
        }
        Files.write(Path.of("target/attack-shapes.txt"), FIGURES);
        FIGURES.forEach(f -> System.out.println("AttackShapesTest: " + f));
    }

    @ParameterizedTest
    @ValueSource(strings = { "unread-pipeline", "unread-heavy", "many-headers", "slowloris-headers", "slow-body",
            "slow-chunked", "doctor-bomb", "doctor-redos", "idle", "all" })
    @org.junit.jupiter.api.Order(1)
    void theServiceOutlivesTheShapeAndOthersAreServed(String shape) throws Exception {
        // The trickling shapes run past the 10 s body deadline, so their connections are cut while we watch.
        int seconds = shape.startsWith("slow-") || shape.equals("all") ? 13 : 8;
        JsonNode r = runShape(shape, seconds);
        String what = shape + ": " + r + "; server log " + LOG;
        assertTrue(server.isAlive(), "the process is alive after " + what);
        assertTrue(r.get("gap_s").asDouble() < 1.0, "health never silent for 1 s: " + what);
        assertTrue(r.get("users_ok").asInt() > 0 && r.get("users_failed").asInt() == 0,
                "the well-behaved user is served: " + what);
        assertTrue(r.get("max_answer_bytes").asInt() < 400_000, "doctor answers are bounded: " + what);
        assertTrue(r.get("max_answer_s").asDouble() < 11.0, "no answer takes longer than the body deadline: " + what);
        if (shape.startsWith("slow-"))
            assertTrue(r.get("statuses").has("408"), "trickling bodies are cut at the deadline: " + what);
        if (shape.equals("many-headers"))
            assertTrue(r.get("statuses").has("431"), "header floods are refused: " + what);
        if (shape.startsWith("doctor-"))
            assertTrue(r.get("statuses").has("200"), "the doctor answers: " + what);
        long heap = liveHeapKb();
        FIGURES.add(String.format(java.util.Locale.ROOT, "%-17s gap %.2f s, users %d ok / %d failed, sent %d, statuses %s,"
                + " largest answer %d B, slowest %.2f s, live heap after %d KB (%+.1f %%)", shape, r.get("gap_s").asDouble(),
                r.get("users_ok").asInt(), r.get("users_failed").asInt(), r.get("sent").asInt(), r.get("statuses"),
                r.get("max_answer_bytes").asInt(), r.get("max_answer_s").asDouble(), heap,
                100.0 * (heap - baselineHeap) / baselineHeap));
        // 10 %, plus 2 MB: readings of the same idle state move by up to 2 MB (recently used soft-referenced caches
        // survive System.gc; bench/README.md, runs 1-3); a leak is far beyond that (+118 % without PipelineLimiter).
        assertTrue(heap <= baselineHeap * 1.10 + 2048,
                "live heap " + heap + " KB after " + shape + ", " + baselineHeap + " KB before");
    }

    static JsonNode runShape(String shape, int seconds) throws Exception {
        Process p = new ProcessBuilder("python3", "bench/attacks.py", "http://127.0.0.1:" + port,
                "http://127.0.0.1:" + management, "--shape", shape, "--duration", String.valueOf(seconds))
                .redirectErrorStream(true).start();
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("bench/attacks.py " + shape + " did not finish");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String last = out.lines().reduce((a, b) -> b).orElse("");
        if (!last.startsWith("{"))
            fail("bench/attacks.py " + shape + " printed no result:\n" + out);
        return JSON.readTree(last);
    }

    /**
     * Live heap after a full collection, from the JVM itself (jcmd GC.run, then GC.heap_info: new + tenured used); the
     * least of three readings a second apart, so what is still being let go (a closing connection, a timer) settles.
     */
    static long liveHeapKb() throws Exception {
        // First the attack's connections must be gone (a never-read one is closed by the 15 s idle timeout): the state
        // of an open connection is not what the attack left behind.
        String open = "http_server_active_connections{server_port=\"" + port + "\"} 0.0";
        for (int i = 0; i < 200 && !metrics().contains(open); i++)
            Thread.sleep(100);
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            Thread.sleep(1000);
            least = Math.min(least, oneHeapReadingKb());
        }
        return least;
    }

    static long oneHeapReadingKb() throws Exception {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher used = Pattern.compile("(?:def new|tenured) generation\\s+total \\d+K, used (\\d+)K").matcher(info);
        long kb = 0;
        int found = 0;
        while (used.find()) {
            kb += Long.parseLong(used.group(1));
            found++;
        }
        if (found != 2)
            fail("unexpected GC.heap_info (the Dockerfile's flags use the serial collector):\n" + info);
        return kb;
    }

    static String jcmd(String what) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(server.pid()), what).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS))
            fail("jcmd " + what + " hung");
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    static String metrics() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/q/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception notYet) {
            return "";
        }
    }

    static int status(String path, int on) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on + path)).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception notYet) {
            return 0;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
