package io.pgbackupwizard.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The pinned upstream inputs: all present and unchanged in the cache, and a changed or missing one is named. */
class TestInputsLockTest {

    @Test
    void everyPinnedInputIsInTheCacheUnchanged() {
        List<TestInputs.Input> lock = TestInputs.lock();
        assertTrue(lock.size() >= 17, "inputs: " + lock);
        Set<String> names = new HashSet<>();
        for (TestInputs.Input input : lock) {
            assertTrue(names.add(input.name()), "one line per input: " + input.name());
            assertTrue(input.sha256().matches("[0-9a-f]{64}"), input.name() + ": " + input.sha256());
            assertTrue(input.upstream().matches("(bitnami-chart|github-chart|github-dir|github-files|mirror-only):.+"),
                    input.name());
            TestInputs.verify(input, TestInputs.cache());
        }
    }

    @Test
    void oneChangedByteFailsNamingTheInput(@TempDir Path cache) throws IOException {
        TestInputs.Input seed = input("replicated-docs-backup-hooks-2020");
        Path copy = cache.resolve(seed.path());
        Files.createDirectories(copy.getParent());
        byte[] bytes = Files.readAllBytes(TestInputs.path(seed.path()));
        Files.write(copy, bytes);
        assertEquals(copy, TestInputs.verify(seed, cache), "an exact copy verifies");

        bytes[bytes.length / 2] ^= 1;
        Files.write(copy, bytes);
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> TestInputs.verify(seed, cache));
        assertTrue(e.getMessage().startsWith("test input replicated-docs-backup-hooks-2020 (2020) at " + copy + " has changed"),
                e.getMessage());
        assertTrue(e.getMessage().contains("bash test-inputs/fetch"), "says how to get it: " + e.getMessage());
    }

    @Test
    void aMissingInputSaysWhereItWasLookedForAndHowToGetIt(@TempDir Path cache) {
        TestInputs.Input chart = input("bitnami-postgresql-17.1.0");
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> TestInputs.verify(chart, cache));
        assertTrue(e.getMessage().startsWith("test input bitnami-postgresql-17.1.0 (17.1.0) not found: looked for "
                + cache.resolve(chart.path())), e.getMessage());
        assertTrue(e.getMessage().contains("PGBW_TEST_INPUTS_MIRROR=<folder> bash test-inputs/fetch"), e.getMessage());
    }

    /** The fetch script and the tests must compute the same hash, or every fetched input would look changed. */
    @Test
    void theFetchScriptHashesAsTheTestsDo(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("b/Z dir"));
        TextFiles.write(dir.resolve("a.yaml"), "a: 1\n");
        TextFiles.write(dir.resolve("b/Z dir/x.txt"), "ü\n");
        TextFiles.write(dir.resolve("B.txt"), "");
        for (Path target : List.of(dir, dir.resolve("a.yaml"))) {
            Process p = new ProcessBuilder("bash", "test-inputs/fetch", "--print-hash", target.toString())
                    .redirectErrorStream(true).start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "fetch --print-hash finished");
            String out = new String(p.getInputStream().readAllBytes()).trim();
            assertEquals(0, p.exitValue(), out);
            assertEquals(TestInputs.contentHash(target), out, target.toString());
        }
    }

    private static TestInputs.Input input(String name) {
        return TestInputs.lock().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }
}
