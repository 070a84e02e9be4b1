package io.pgbackupwizard.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The upstream files the tests read (charts, CRDs, schemas, a docs page): pinned in {@code test-inputs/inputs.lock},
 * brought into a cache outside the clone by {@code test-inputs/fetch}, and checked here against the lock's content
 * hash the first time a JVM uses each input. A missing or changed input fails the test with its name, where it was
 * looked for and how to get it: skipping would let a broken checkout pass silently.
 *
 * <pre>
 * String crd = TestInputs.read("velero/velero.io_backups.yaml");
 * Path chart = TestInputs.path("bitnami-postgresql/charts/postgresql-17.1.0");
 * </pre>
 */
public final class TestInputs {
    private TestInputs() {
    }

    /** One line of the lock file. */
    public record Input(String name, String version, String path, String license, String sha256, String upstream) {
    }

    static final Path LOCK = Path.of("test-inputs/inputs.lock");
    private static final String HOW = "run `bash test-inputs/fetch` (or `bash .ci/deps`); from a local mirror: "
            + "PGBW_TEST_INPUTS_MIRROR=<folder> bash test-inputs/fetch (test-inputs/README.md)";
    private static final Map<String, Path> VERIFIED = new ConcurrentHashMap<>();

    /** Every input the lock pins, in lock order. */
    public static List<Input> lock() {
        if (!Files.isRegularFile(LOCK))
            fail("lock file not found: " + LOCK.toAbsolutePath() + " (run the tests from the project root)");
        List<Input> inputs = new ArrayList<>();
        for (String line : TextFiles.read(LOCK).split("\n")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("name\t"))
                continue;
            String[] f = line.split("\t");
            if (f.length != 6)
                fail(LOCK + ": expected 6 tab-separated fields: " + line);
            inputs.add(new Input(f[0], f[1], f[2], f[3], f[4], f[5]));
        }
        return inputs;
    }

    /** The cache folder, as {@code test-inputs/fetch} computes it. */
    public static Path cache() {
        String configured = System.getenv("PGBW_TEST_INPUTS_CACHE");
        if (configured != null && !configured.isBlank())
            return Path.of(configured);
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("pg-backup-wizard/test-inputs");
    }

    /** A file or folder inside a pinned input, verified; {@code relative} is a lock path or a path below one. */
    public static Path path(String relative) {
        Input input = lock().stream().filter(i -> relative.equals(i.path()) || relative.startsWith(i.path() + "/"))
                .findFirst().orElseGet(() -> fail("no input in " + LOCK + " holds " + relative + ": add a lock line"));
        VERIFIED.computeIfAbsent(input.name(), n -> verify(input, cache()));
        Path target = cache().resolve(relative);
        if (!Files.exists(target))
            fail("test input " + input.name() + " has no " + relative + " (looked at " + target + ")");
        return target;
    }

    public static String read(String relative) {
        return TextFiles.read(path(relative));
    }

    /** Checks one input in {@code cache} against the lock; returns its path or fails saying which input and why. */
    public static Path verify(Input input, Path cache) {
        Path at = cache.resolve(input.path());
        if (!Files.exists(at)) {
            fail("test input " + input.name() + " (" + input.version() + ") not found: looked for " + at + "; " + HOW);
        }
        String got = contentHash(at);
        if (!got.equals(input.sha256())) {
            fail("test input " + input.name() + " (" + input.version() + ") at " + at + " has changed: sha256 " + got
                    + ", the lock says " + input.sha256() + "; fetch it again: " + HOW);
        }
        return at;
    }

    /** The lock's hash: sha256 of the {@code sha256sum ./<path>} lines of every file, sorted by path. */
    public static String contentHash(Path target) {
        Path dir = Files.isDirectory(target) ? target : target.getParent();
        StringBuilder lines = new StringBuilder();
        try (Stream<Path> files = Files.isDirectory(target) ? Files.walk(target) : Stream.of(target)) {
            List<String> names = files.filter(Files::isRegularFile).map(p -> "./" + dir.relativize(p))
                    .sorted(TestInputs::byteOrder).toList();
            for (String name : names)
                lines.append(sha256(dir.resolve(name.substring(2)))).append("  ").append(name).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest().digest(lines.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static int byteOrder(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0;)
                md.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
