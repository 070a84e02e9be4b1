package io.pgbackupwizard.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * podman and buildah on the project's own container store (src/test/container/podman.sh: outside the clone, runc,
 * cgroupfs, overlay or vfs). A missing runtime fails with the install step to run, never skips.
 */
public final class Podman {
    private Podman() {
    }

    public static final Path SCRIPTS = Path.of("src/test/container");

    /** What a command printed (stdout and stderr together) and its exit code. */
    public record Result(int exit, String output) {
        public Result requireOk(String what) {
            if (exit != 0)
                fail(what + " failed (exit " + exit + "):\n" + tail(output));
            return this;
        }
    }

    /** Fails unless podman, buildah, runc and mmdebstrap are installed (.ci/deps installs them). */
    public static void requireTools() {
        for (String tool : List.of("podman", "buildah", "runc", "mmdebstrap")) {
            if (run(List.of("bash", "-c", "command -v " + tool), 10).exit() != 0) {
                fail(tool + " is not installed: the container tests need a real container runtime; run `bash .ci/deps`"
                        + " (apt-get install podman buildah runc mmdebstrap)");
            }
        }
    }

    /**
     * Drops the volumes no container uses from the project's store: what an interrupted run left (each holds one of
     * podman's 2,048 locks, and the store outlives runs). Before the first pod of a run, when none is running.
     */
    public static void pruneUnusedVolumes() {
        pm(120, "volume", "prune", "-f");
    }

    /** {@code podman <args>} on the project's store. */
    public static Result pm(long timeoutSeconds, String... args) {
        return store("pm", timeoutSeconds, args);
    }

    /** {@code buildah <args>} on the project's store. */
    public static Result bh(long timeoutSeconds, String... args) {
        return store("bh", timeoutSeconds, args);
    }

    /** A script under src/test/container. */
    public static Result script(String name, long timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPTS.resolve(name).toString()));
        command.addAll(List.of(args));
        return run(command, timeoutSeconds);
    }

    private static Result store(String function, long timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                ". " + SCRIPTS.resolve("podman.sh") + " && " + function + " \"$@\"", function));
        command.addAll(List.of(args));
        return run(command, timeoutSeconds);
    }

    public static Result run(List<String> command, long timeoutSeconds) {
        try {
            Path out = Files.createTempFile("podman", ".log");
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor();
                    fail(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s:\n"
                            + tail(Files.readString(out, StandardCharsets.UTF_8)));
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String tail(String text) {
        String[] lines = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 40), lines.length));
    }
}
