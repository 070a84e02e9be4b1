package io.pgbackupwizard.hostile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import io.pgbackupwizard.testsupport.BashRunner;
import io.pgbackupwizard.testsupport.TextFiles;

/**
 * Checks that bash parses scripts, many per bash process (one {@code bash -n} per script would dominate a property
 * test's runtime). A batch becomes one file of functions {@code __s0() {...}}, {@code __s1() {...}}, ... which
 * {@code bash --pretty-print} parses and prints without executing anything. It prints exactly those function headers,
 * in order, only if each script is a complete command list by itself: a quote one script leaves open would swallow
 * the next function's header. When a batch fails, {@code bash -n} on each script names the culprits.
 */
final class ScriptSyntax {

    private static final int BATCH = 1000;
    private static final String CHECK_EACH = "for f; do bash -n \"$f\" 2> \"$f.err\" || printf '%s\\n' \"$f\"; done";
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8");
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final Path dir = BashRunner.newScratchDir();
    private final Set<String> seen = new HashSet<>();
    private final Map<String, String> pending = new LinkedHashMap<>();
    private boolean bundles = true;
    private int checked;

    /** Queues a script with where it came from (duplicates are checked once); checks the batch when it is full. */
    synchronized void add(String script, String origin) {
        if (seen.add(script))
            pending.put(script, origin);
        if (pending.size() >= BATCH)
            flush();
    }

    /** Checks every queued script; AssertionError with script, origin and bash's complaint for each one bash rejects. */
    synchronized void flush() {
        if (pending.isEmpty())
            return;
        List<Map.Entry<String, String>> batch = new ArrayList<>(pending.entrySet());
        pending.clear();
        checked += batch.size();
        if (bundles && bundleParses(batch))
            return;
        List<String> failures = checkEach(batch);
        if (!failures.isEmpty())
            throw new AssertionError(String.join("\n\n", failures));
        bundles = false; // every script passes alone, so this bash cannot check bundles (no --pretty-print before 5.2)
    }

    synchronized int checked() {
        return checked;
    }

    private boolean bundleParses(List<Map.Entry<String, String>> batch) {
        StringBuilder bundle = new StringBuilder();
        for (int i = 0; i < batch.size(); i++)
            bundle.append("__s").append(i).append("() {\n").append(batch.get(i).getKey()).append("\n}\n");
        TextFiles.write(dir.resolve("bundle"), bundle.toString());
        BashRunner.Result r = BashRunner.run(List.of("/bin/bash", "--pretty-print", "bundle"), ENV, TIMEOUT, dir);
        List<String> headers = r.stdout().lines().filter(l -> l.matches("__s\\d+ \\(\\) ")).toList();
        return r.exitCode() == 0
                && headers.equals(IntStream.range(0, batch.size()).mapToObj(i -> "__s" + i + " () ").toList());
    }

    private List<String> checkEach(List<Map.Entry<String, String>> batch) {
        List<String> argv = new ArrayList<>(List.of("/bin/bash", "-c", CHECK_EACH, "check"));
        for (int i = 0; i < batch.size(); i++) {
            TextFiles.write(dir.resolve("s" + i), batch.get(i).getKey());
            argv.add("s" + i);
        }
        BashRunner.Result r = BashRunner.run(argv, ENV, TIMEOUT, dir);
        if (r.exitCode() != 0)
            throw new AssertionError("syntax check did not run: " + r);
        return r.stdout().lines().map(name -> {
            Map.Entry<String, String> e = batch.get(Integer.parseInt(name.substring(1)));
            return "bash -n rejects the script of " + e.getValue() + ":\n" + e.getKey() + "\n"
                    + stderr(dir.resolve(name + ".err"));
        }).toList();
    }

    private static String stderr(Path file) {
        return Files.exists(file) ? TextFiles.read(file) : "(no stderr)";
    }
}
