package io.pgbackupwizard.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command (typically {@code ["/bin/bash", "-c", script]}, exactly what Velero would exec) with a clean
 * environment, closed stdin, captured stdout/stderr and a hard timeout that kills the whole process tree.
 *
 * <p>
 * When the JVM runs as root (as in CI), the command is executed as the unprivileged {@code postgres} OS user via
 * {@code runuser -u postgres -- /usr/bin/env -i K=V ... argv...}, so that file permission checks behave as in a real
 * (non-root) container. Directories a command should write into must therefore come from {@link #newScratchDir()}.
 */
public final class BashRunner {

    /** Outcome of a finished command; {@code exitCode} is -1 when the command was killed on timeout. */
    public record Result(int exitCode, String stdout, String stderr) {
        /** True when the command exited with status 0. */
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** OS user commands (and the PostgreSQL server) run as when the JVM is root. */
    static final String UNPRIVILEGED_USER = "postgres";

    private static final String RUNUSER = "/usr/sbin/runuser";
    private static final String ENV = "/usr/bin/env";
    private static final Path TMP_BASE = Path.of("/tmp");
    private static final Set<Path> SCRATCH_DIRS = ConcurrentHashMap.newKeySet();
    private static volatile Boolean root;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path dir : SCRATCH_DIRS) {
                deleteRecursively(dir);
            }
        }, "BashRunner-scratch-cleanup"));
    }

    private BashRunner() {
    }

    /** Runs argv with exactly {@code env} as environment in a fresh scratch dir (deleted afterwards). */
    public static Result run(List<String> argv, Map<String, String> env, Duration timeout) {
        Path workDir = newScratchDir();
        try {
            return run(argv, env, timeout, workDir);
        } finally {
            deleteRecursively(workDir);
            SCRATCH_DIRS.remove(workDir);
        }
    }

    /** Runs argv with exactly {@code env} as environment in {@code workDir}. */
    public static Result run(List<String> argv, Map<String, String> env, Duration timeout, Path workDir) {
        return exec(argv, env, timeout, workDir, null);
    }

    /** Creates a temp directory the command's user can write into (chowned to postgres when root); removed at JVM exit. */
    public static Path newScratchDir() {
        try {
            Path dir = Files.createTempDirectory(tmpBase(), "pgwiz-scratch-");
            SCRATCH_DIRS.add(dir);
            if (isRoot()) {
                chownToUnprivilegedUser(dir);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            } else {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create scratch dir", e);
        }
    }

    /** Makes {@code dir} read-only (chmod 0555) so the command cannot create files in it. */
    public static void makeReadOnly(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot chmod 0555 " + dir, e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // package-private helpers shared with PostgresServer

    /** True when the JVM runs with effective uid 0. */
    static boolean isRoot() {
        Boolean r = root;
        if (r == null) {
            r = detectRoot();
            root = r;
        }
        return r;
    }

    private static boolean detectRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    String[] f = line.substring(4).trim().split("\\s+");
                    return f.length >= 2 && f[1].equals("0"); // effective uid
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // fall through
        }
        return "root".equals(System.getProperty("user.name"));
    }

    static Path tmpBase() {
        return Files.isDirectory(TMP_BASE) ? TMP_BASE : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** chown user:group of the unprivileged user (only meaningful as root). */
    static void chownToUnprivilegedUser(Path path) throws IOException {
        UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName(UNPRIVILEGED_USER);
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(user);
        try {
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(UNPRIVILEGED_USER);
            view.setGroup(group);
        } catch (IOException ignored) {
            // group of the same name missing: owner is enough
        }
    }

    /** Deletes a file tree, best effort, restoring write permission on directories first. */
    static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    try {
                        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                    } catch (IOException | UnsupportedOperationException ignored) {
                        // may not own it (root deletes anyway)
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                    if (exc instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("[BashRunner] could not fully delete " + root + ": " + e);
        }
    }

    /**
     * Runs argv (dropping to the unprivileged user when root) with a clean environment, optional stdin bytes
     * (null = stdin closed immediately), capturing output and killing the process tree on timeout.
     */
    static Result exec(List<String> argv, Map<String, String> env, Duration timeout, Path workDir, byte[] stdin) {
        return exec(List.of(), argv, env, timeout, workDir, stdin);
    }

    /** As above, with {@code prefix} (run as the JVM's user, e.g. nsenter into a pod's network) in front. */
    static Result exec(List<String> prefix, List<String> argv, Map<String, String> env, Duration timeout, Path workDir,
            byte[] stdin) {
        if (argv == null || argv.isEmpty()) {
            throw new IllegalArgumentException("argv must not be empty");
        }
        List<String> command = new ArrayList<>(prefix);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().clear();
        if (isRoot()) {
            if (argv.get(0).contains("=")) {
                throw new IllegalArgumentException("argv[0] must not contain '=' (env would treat it as VAR=value)");
            }
            command.add(RUNUSER);
            command.add("-u");
            command.add(UNPRIVILEGED_USER);
            command.add("--");
            command.add(ENV);
            command.add("-i");
            env.forEach((k, v) -> command.add(checkKey(k) + "=" + v));
            command.addAll(argv);
            pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        } else {
            command.addAll(argv);
            env.forEach((k, v) -> pb.environment().put(checkKey(k), v));
        }

        return run(pb, argv, timeout, stdin);
    }

    /**
     * Runs a command as the JVM's own user with the JVM's environment (root here: podman and its store), optional
     * stdin, stdout and stderr apart, and the process tree killed on timeout (exit -1).
     */
    public static Result runAsJvmUser(List<String> command, Duration timeout, byte[] stdin) {
        return run(new ProcessBuilder(command), command, timeout, stdin);
    }

    private static Result run(ProcessBuilder pb, List<String> argv, Duration timeout, byte[] stdin) {
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + pb.command(), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outPump = pump(process.getInputStream(), out, "stdout");
        Thread errPump = pump(process.getErrorStream(), err, "stderr");
        Thread inFeeder = null;
        if (stdin == null) {
            closeQuietly(process.getOutputStream());
        } else {
            inFeeder = new Thread(() -> {
                try (OutputStream os = process.getOutputStream()) {
                    os.write(stdin);
                } catch (IOException ignored) {
                    // process exited early / closed stdin
                }
            }, "BashRunner-stdin");
            inFeeder.setDaemon(true);
            inFeeder.start();
        }

        long deadline = System.nanoTime() + timeout.toNanos();
        boolean finished;
        try {
            finished = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + argv, e);
        }
        if (!finished) {
            killTree(process);
        }
        // Output pipes may be held open by stray background children: give the pumps a bounded grace period.
        long graceMillis = Math.max(2000, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        joinQuietly(outPump, graceMillis);
        joinQuietly(errPump, 2000);
        if (outPump.isAlive() || errPump.isAlive()) {
            closeQuietly(process.getInputStream());
            closeQuietly(process.getErrorStream());
        }
        if (inFeeder != null) {
            joinQuietly(inFeeder, 1000);
        }
        String stdout;
        String stderr;
        synchronized (out) {
            stdout = out.toString(StandardCharsets.UTF_8);
        }
        synchronized (err) {
            stderr = err.toString(StandardCharsets.UTF_8);
        }
        if (!finished) {
            stderr = stderr + "\n[BashRunner] killed after timeout of " + timeout + "\n";
            return new Result(-1, stdout, stderr);
        }
        return new Result(process.exitValue(), stdout, stderr);
    }

    private static String checkKey(String key) {
        if (key == null || key.isEmpty() || key.contains("=") || key.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid environment variable name: " + key);
        }
        return key;
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream sink, String name) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    synchronized (sink) {
                        sink.write(buf, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // stream closed
            }
        }, "BashRunner-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void killTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>();
        process.toHandle().descendants().forEach(tree::add);
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // ignore
        }
    }
}
