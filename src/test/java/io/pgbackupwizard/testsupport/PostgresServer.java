package io.pgbackupwizard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that runs a throwaway real PostgreSQL server from the Debian binaries.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final PostgresServer PG = new PostgresServer();
 * </pre>
 *
 * <p>
 * The cluster is created with {@code initdb} in a fresh temp directory and listens on every address (as the Bitnami
 * image does; pg_hba admits TCP from {@code 127.0.0.1} only) at a free port, plus a unix socket inside the temp directory. Host
 * (TCP) connections require a password
 * (scram-sha-256); the superuser {@code postgres} may connect over the private unix socket without one (used by the
 * helper methods). When the JVM runs as root, the server runs as the {@code postgres} OS user.
 *
 * <p>
 * Binaries: system property or environment variable {@code PG_BIN}, else the newest
 * {@code /usr/lib/postgresql/*&#47;bin} containing {@code initdb}. Missing binaries fail the test class (no skipping).
 *
 * <p>
 * Each instance is its own cluster (own port and directory); start/stop are reference counted so that nested test
 * classes sharing the instance work. The server is stopped in afterAll (which JUnit runs even when tests fail) and by
 * a JVM shutdown hook as a backstop.
 */
public final class PostgresServer implements BeforeAllCallback, AfterAllCallback {

    /** Name of the superuser created by initdb. */
    public static final String SUPERUSER = "postgres";

    private static final String HOST = "127.0.0.1";
    private static final Path DEBIAN_PG_ROOT = Path.of("/usr/lib/postgresql");
    private static final Duration CMD_TIMEOUT = Duration.ofSeconds(120);
    private static final int START_ATTEMPTS = 4;

    private final Object lock = new Object();
    private int refCount;
    private boolean running;
    private Path binDir;
    private Path baseDir;
    private Path dataDir;
    private Path homeDir;
    private int port;
    private String superuserPassword;
    private Thread shutdownHook;

    /** Creates an unstarted server; it starts in beforeAll (or via {@link #start()}). */
    public PostgresServer() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // public API

    /** TCP port the server listens on (pg_hba admits 127.0.0.1 only). */
    public int port() {
        requireRunning();
        return port;
    }

    /** Directory holding the PostgreSQL binaries in use (initdb, pg_ctl, psql, pg_dump, ...). */
    public Path binDir() {
        if (binDir == null) {
            binDir = findBinDir();
        }
        return binDir;
    }

    /** Host to connect to over TCP: always "127.0.0.1". */
    public String host() {
        return HOST;
    }

    /** Password of the {@link #SUPERUSER} (only needed for TCP connections; the unix socket is trusted). */
    public String superuserPassword() {
        requireRunning();
        return superuserPassword;
    }

    /** Creates a LOGIN role with the given password and a database owned by it (any characters allowed). */
    public void createRoleAndDatabase(String role, String password, String database) {
        sql("postgres", "CREATE ROLE " + quoteIdent(role) + " LOGIN PASSWORD " + quoteLiteral(password) + ";\n"
                + "CREATE DATABASE " + quoteIdent(database) + " OWNER " + quoteIdent(role) + ";\n");
    }

    /** Drops the database if it exists, terminating its connections (WITH (FORCE)). */
    public void dropDatabase(String database) {
        sql("postgres", "DROP DATABASE IF EXISTS " + quoteIdent(database) + " WITH (FORCE);\n");
    }

    /** Drops (WITH FORCE, if present) and re-creates the database, owned by {@code role}: an empty database. */
    public void recreateDatabase(String role, String database) {
        sql("postgres", "DROP DATABASE IF EXISTS " + quoteIdent(database) + " WITH (FORCE);\n"
                + "CREATE DATABASE " + quoteIdent(database) + " OWNER " + quoteIdent(role) + ";\n");
    }

    /**
     * Runs SQL (fed via stdin, so several statements incl. CREATE DATABASE are fine) as superuser in {@code database}
     * with {@code psql -X -v ON_ERROR_STOP=1 -At}; returns stdout without its final newline; AssertionError on failure.
     */
    public String sql(String database, String sql) {
        requireRunning();
        List<String> argv = List.of(binDir.resolve("psql").toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At",
                "--dbname=" + superuserConninfo(database), "-f", "-");
        Map<String, String> env = baseEnv();
        env.put("PGCLIENTENCODING", "UTF8");
        BashRunner.Result r = BashRunner.exec(argv, env, CMD_TIMEOUT, baseDir, sql.getBytes(StandardCharsets.UTF_8));
        if (r.exitCode() != 0) {
            throw new AssertionError("psql failed (exit " + r.exitCode() + ") in database " + database + ":\n"
                    + r.stderr() + "\nSQL:\n" + sql);
        }
        String out = r.stdout();
        return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    }

    /**
     * Environment for running generated hook commands as a container would (fresh mutable map per call):
     * PATH = binDir:/usr/bin:/bin, PGPORT, HOME, LANG=C.UTF-8 — deliberately no PGHOST/PGUSER/PGPASSWORD.
     */
    public Map<String, String> clientEnv() {
        requireRunning();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", binDir + ":/usr/bin:/bin");
        env.put("PGPORT", Integer.toString(port));
        env.put("HOME", homeDir.toString());
        env.put("LANG", "C.UTF-8");
        return env;
    }

    /** Quotes an SQL identifier: wraps in double quotes, doubling embedded double quotes. */
    public static String quoteIdent(String ident) {
        if (ident.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("identifier contains NUL");
        }
        return '"' + ident.replace("\"", "\"\"") + '"';
    }

    /** Quotes an SQL string literal (standard_conforming_strings): wraps in single quotes, doubling embedded ones. */
    public static String quoteLiteral(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("literal contains NUL");
        }
        return '\'' + value.replace("'", "''") + '\'';
    }

    /** Quotes a libpq conninfo value: single quotes, backslash-escaping backslashes and single quotes. */
    public static String quoteConninfoValue(String value) {
        return '\'' + value.replace("\\", "\\\\").replace("'", "\\'") + '\'';
    }

    /** Starts the server (idempotent / reference counted; normally called by beforeAll). */
    public void start() {
        synchronized (lock) {
            if (running) {
                refCount++;
                return;
            }
            try {
                doStart();
            } catch (RuntimeException | Error e) {
                try {
                    doStop();
                } catch (RuntimeException | Error suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
            refCount = 1;
            running = true;
        }
    }

    /** Stops the server and deletes its directory once every start() has been matched (idempotent). */
    public void stop() {
        synchronized (lock) {
            if (!running) {
                return;
            }
            if (--refCount > 0) {
                return;
            }
            running = false;
            doStop();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // internals

    private void requireRunning() {
        if (!running) {
            throw new IllegalStateException("PostgresServer is not running (register it with @RegisterExtension"
                    + " on a static field, or call start())");
        }
    }

    private void doStart() {
        binDir();
        superuserPassword = randomPassword();
        try {
            baseDir = Files.createTempDirectory(BashRunner.tmpBase(), "pgwiz-pg-");
            dataDir = baseDir.resolve("data");
            homeDir = baseDir.resolve("home");
            Files.createDirectories(homeDir);
            Path pwFile = baseDir.resolve("pwfile");
            Files.writeString(pwFile, superuserPassword + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(baseDir, PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(pwFile, PosixFilePermissions.fromString("rw-------"));
            if (BashRunner.isRoot()) {
                BashRunner.chownToUnprivilegedUser(baseDir);
                BashRunner.chownToUnprivilegedUser(homeDir);
                BashRunner.chownToUnprivilegedUser(pwFile);
            }
            registerShutdownHook();

            List<String> initdb = new ArrayList<>(List.of(binDir.resolve("initdb").toString(),
                    "--pgdata=" + dataDir, "--username=" + SUPERUSER, "--pwfile=" + pwFile,
                    "--auth-local=trust", "--auth-host=scram-sha-256", "--encoding=UTF8", "--no-sync"));
            initdb.addAll(localeArgs());
            run(initdb, "initdb");
            Files.deleteIfExists(pwFile);

            // Owner (postgres when root) is preserved when root rewrites/appends existing files.
            Files.writeString(dataDir.resolve("pg_hba.conf"),
                    "# written by io.pgbackupwizard.testsupport.PostgresServer\n"
                            + "local   all   " + SUPERUSER + "   trust\n"
                            + "local   all   all        scram-sha-256\n"
                            + "host    all   all        127.0.0.1/32   scram-sha-256\n",
                    StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            Files.writeString(dataDir.resolve("postgresql.conf"),
                    "\n# --- PostgresServer test settings ---\n"
                            // '*' as the Bitnami image's final server (the restore hook waits for it); pg_hba
                            // still admits TCP only from 127.0.0.1
                            + "listen_addresses = '*'\n"
                            + "unix_socket_directories = " + quoteLiteral(baseDir.toString()) + "\n"
                            + "password_encryption = 'scram-sha-256'\n"
                            + "shared_buffers = '16MB'\n"
                            + "max_connections = 30\n"
                            + "fsync = off\n"
                            + "synchronous_commit = off\n"
                            + "full_page_writes = off\n"
                            + "max_wal_size = '256MB'\n"
                            + "dynamic_shared_memory_type = posix\n"
                            + "logging_collector = off\n"
                            + "log_min_messages = warning\n"
                            + "lc_messages = 'C'\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare PostgreSQL cluster in " + baseDir, e);
        }

        Path logFile = baseDir.resolve("server.log");
        AssertionError last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            port = freePort();
            BashRunner.Result r = BashRunner.exec(List.of(binDir.resolve("pg_ctl").toString(),
                    "--pgdata=" + dataDir, "--log=" + logFile, "--wait", "--timeout=60",
                    "--options=-p " + port, "start"), baseEnv(), CMD_TIMEOUT, baseDir, null);
            if (r.exitCode() == 0) {
                return;
            }
            last = new AssertionError("pg_ctl start failed (exit " + r.exitCode() + ", port " + port + ", attempt "
                    + attempt + "):\n" + r.stdout() + r.stderr() + "\n--- server.log ---\n" + readQuietly(logFile));
            // a half-started postmaster would hold the data dir: make sure it is gone before retrying
            stopServerProcess();
        }
        throw last;
    }

    private void doStop() {
        try {
            if (dataDir != null && Files.exists(dataDir.resolve("postmaster.pid"))) {
                stopServerProcess();
            }
        } finally {
            BashRunner.deleteRecursively(baseDir);
            removeShutdownHook();
            baseDir = null;
            dataDir = null;
            homeDir = null;
        }
    }

    private void stopServerProcess() {
        Optional<Long> pid = postmasterPid();
        BashRunner.Result r = BashRunner.exec(List.of(binDir.resolve("pg_ctl").toString(), "--pgdata=" + dataDir,
                "--mode=immediate", "--wait", "--timeout=30", "stop"), baseEnv(), Duration.ofSeconds(40), baseDir, null);
        if (r.exitCode() != 0 && pid.isPresent()) {
            ProcessHandle.of(pid.get()).ifPresent(h -> {
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
            });
        }
    }

    private Optional<Long> postmasterPid() {
        try {
            Path pidFile = dataDir.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private void run(List<String> argv, String what) {
        BashRunner.Result r = BashRunner.exec(argv, baseEnv(), CMD_TIMEOUT, baseDir, null);
        if (r.exitCode() != 0) {
            throw new AssertionError(what + " failed (exit " + r.exitCode() + "):\n" + r.stdout() + r.stderr());
        }
    }

    /** Minimal clean environment for the server tools (no PG* variables leak in from the JVM). */
    private Map<String, String> baseEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", binDir + ":/usr/bin:/bin");
        env.put("HOME", homeDir.toString());
        env.put("LANG", "C.UTF-8");
        env.put("LC_MESSAGES", "C");
        String tz = System.getenv("TZ");
        env.put("TZ", tz != null && !tz.isEmpty() ? tz : "UTC");
        return env;
    }

    private String superuserConninfo(String database) {
        return "host=" + quoteConninfoValue(baseDir.toString()) + " port=" + port + " user=" + SUPERUSER
                + " dbname=" + quoteConninfoValue(database);
    }

    private static List<String> localeArgs() {
        if (Files.isDirectory(Path.of("/usr/lib/locale/C.utf8")) || Files.isDirectory(Path.of("/usr/lib/locale/C.UTF-8"))) {
            return List.of("--locale=C.UTF-8");
        }
        return List.of("--no-locale");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }

    private static String randomPassword() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void registerShutdownHook() {
        if (shutdownHook == null) {
            shutdownHook = new Thread(() -> {
                synchronized (lock) {
                    running = false;
                    refCount = 0;
                    try {
                        if (dataDir != null && Files.exists(dataDir.resolve("postmaster.pid"))) {
                            stopServerProcess();
                        }
                    } finally {
                        BashRunner.deleteRecursively(baseDir);
                    }
                }
            }, "PostgresServer-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // JVM already shutting down (we may be running inside the hook)
            }
            shutdownHook = null;
        }
    }

    /** Locates the server binaries (PG_BIN, else newest /usr/lib/postgresql/N/bin with initdb); fails if absent. */
    static Path findBinDir() {
        String configured = System.getProperty("PG_BIN");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("PG_BIN");
        }
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            if (!Files.isExecutable(p.resolve("initdb")) || !Files.isExecutable(p.resolve("pg_ctl"))) {
                throw new AssertionError("PG_BIN=" + configured + " does not contain executable initdb and pg_ctl");
            }
            return p;
        }
        List<Path> candidates = new ArrayList<>();
        if (Files.isDirectory(DEBIAN_PG_ROOT)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(DEBIAN_PG_ROOT)) {
                for (Path version : ds) {
                    Path bin = version.resolve("bin");
                    if (Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"))) {
                        candidates.add(bin);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + DEBIAN_PG_ROOT, e);
            }
        }
        return candidates.stream()
                .max(Comparator.comparing(bin -> bin.getParent().getFileName().toString(), PostgresServer::compareVersions))
                .orElseThrow(() -> new AssertionError("PostgreSQL server binaries not found under "
                        + DEBIAN_PG_ROOT + "/*/bin: install the Debian 'postgresql' package (.ci/deps does this)"
                        + " or set PG_BIN"));
    }

    private static int compareVersions(String a, String b) {
        String[] pa = a.split("\\.");
        String[] pb = b.split("\\.");
        for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
            int c = Long.compare(num(pa, i), num(pb, i));
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }

    private static long num(String[] parts, int i) {
        if (i >= parts.length) {
            return -1;
        }
        try {
            return Long.parseLong(parts[i]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
