package io.pgbackupwizard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real PostgreSQL (Debian binaries) started the way the Bitnami image starts on an EMPTY data directory, which
 * is every KOTS restore: initdb; a temporary server on localhost only with {@code trust} auth that creates the
 * user and database; a fast stop; then the final server with {@code listen_addresses='*'} and password auth
 * (libpostgresql.sh {@code postgresql_initialize}, {@code postgresql_enable_remote_connections}; setup.sh).
 * User, database, passwords and port come from the container's env ({@link ContainerRunner#env()}); it runs in
 * the pod's network namespace, so the port is exactly {@code POSTGRESQL_PORT_NUMBER}.
 *
 * <pre>
 * try (BitnamiServer pg = BitnamiServer.of(net, container.env(), container.secretFile())) {
 *     pg.firstBoot(Duration.ofSeconds(3));
 *     pg.sql("dbname", "SELECT 1");
 * }
 * </pre>
 */
public final class BitnamiServer implements AutoCloseable {
    private static final Duration CMD = Duration.ofSeconds(120);

    private final PodNetwork net;
    private final Path bin = PostgresServer.findBinDir();
    private final Path base = BashRunner.newScratchDir();
    private final Path data = base.resolve("data");
    private final int port;
    private final String user;
    private final String password;
    private final String database;
    private final String postgresPassword;

    private BitnamiServer(PodNetwork net, int port, String user, String password, String database,
            String postgresPassword) {
        this.net = net;
        this.port = port;
        this.user = user;
        this.password = password;
        this.database = database;
        this.postgresPassword = postgresPassword;
    }

    /**
     * Reads the settings as the image's postgresql-env.sh does: POSTGRESQL_PORT_NUMBER, POSTGRES_USER,
     * POSTGRES_PASSWORD or the file POSTGRES_PASSWORD_FILE names, POSTGRES_DB / POSTGRES_DATABASE, and the
     * postgres password from POSTGRES_POSTGRES_PASSWORD(_FILE) (files read through {@code files}: path -> content).
     */
    public static BitnamiServer of(PodNetwork net, Map<String, String> env, Map<String, String> files) {
        String user = env.getOrDefault("POSTGRES_USER", "postgres");
        String password = secret(env, files, "POSTGRES_PASSWORD");
        String db = env.getOrDefault("POSTGRES_DATABASE", env.getOrDefault("POSTGRES_DB", "postgres"));
        String admin = user.equals("postgres") ? password : secret(env, files, "POSTGRES_POSTGRES_PASSWORD");
        return new BitnamiServer(net, Integer.parseInt(env.getOrDefault("POSTGRESQL_PORT_NUMBER", "5432")), user,
                password, db, admin);
    }

    private static String secret(Map<String, String> env, Map<String, String> files, String name) {
        if (env.containsKey(name)) return env.get(name);
        String file = env.get(name + "_FILE");
        return file == null ? null : files.get(file);
    }

    public int port() { return port; }
    public String user() { return user; }
    public String database() { return database; }

    /** Runs the whole first boot; the temporary server stays up for {@code temporaryServer}. */
    public void firstBoot(Duration temporaryServer) {
        run(List.of(bin.resolve("initdb").toString(), "--pgdata=" + data, "--username=postgres", "--auth=trust",
                "--encoding=UTF8", "--no-sync", "--locale=C.UTF-8"), "initdb");
        write("postgresql.conf", "\nport = " + port + "\nlisten_addresses = 'localhost'\nunix_socket_directories = '"
                + base + "'\nfsync = off\nshared_buffers = '16MB'\nmax_connections = 20\nlc_messages = 'C'\n", true);
        write("pg_hba.conf", "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n", false);
        long started = System.nanoTime();
        pgCtl("start");
        StringBuilder init = new StringBuilder();
        if (!user.equals("postgres")) {
            init.append("CREATE ROLE ").append(PostgresServer.quoteIdent(user)).append(" LOGIN PASSWORD ")
                    .append(PostgresServer.quoteLiteral(password)).append(";\n");
        }
        if (postgresPassword != null) {
            init.append("ALTER ROLE postgres PASSWORD ").append(PostgresServer.quoteLiteral(postgresPassword)).append(";\n");
        }
        sql("postgres", init.toString());
        if (!database.equals("postgres")) {
            sql("postgres", "CREATE DATABASE " + PostgresServer.quoteIdent(database) + " OWNER "
                    + PostgresServer.quoteIdent(user));
        }
        long left = temporaryServer.toMillis() - Duration.ofNanos(System.nanoTime() - started).toMillis();
        sleep(Math.max(0, left));
        pgCtl("stop", "--mode=fast");
        // The image: md5 on the network, remote connections on; the local socket stays the harness's own door.
        write("pg_hba.conf", "local all postgres trust\nlocal all all scram-sha-256\n"
                + "host all all 0.0.0.0/0 scram-sha-256\nhost all all ::/0 scram-sha-256\n", false);
        write("postgresql.conf", "\nlisten_addresses = '*'\n", true);
        pgCtl("start");
    }

    /** Stops the server the way a pod deletion would (fast). */
    public void stop() {
        if (Files.exists(data.resolve("postmaster.pid"))) pgCtl("stop", "--mode=fast");
    }

    /** Runs SQL as postgres over the private unix socket; returns psql's unaligned output. */
    public String sql(String db, String sql) {
        BashRunner.Result r = BashRunner.exec(List.of(bin.resolve("psql").toString(), "-X", "-q", "-A", "-t",
                "-v", "ON_ERROR_STOP=1", "-h", base.toString(), "-p", String.valueOf(port), "-U", "postgres", "-d", db),
                env(), CMD, base, sql.getBytes(StandardCharsets.UTF_8));
        if (!r.ok()) throw new AssertionError("psql failed (" + r.exitCode() + "): " + r.stderr());
        return r.stdout().strip();
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            BashRunner.deleteRecursively(base);
        }
    }

    private void pgCtl(String... args) {
        List<String> argv = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "--pgdata=" + data,
                "--log=" + base.resolve("server.log"), "--wait", "--timeout=60"));
        argv.addAll(List.of(args));
        BashRunner.Result r = BashRunner.exec(net.prefix(), argv, env(), CMD, base, null);
        if (!r.ok()) {
            throw new AssertionError("pg_ctl " + String.join(" ", args) + " failed: " + r.stdout() + r.stderr()
                    + "\n--- server.log ---\n" + TextFiles.read(base.resolve("server.log")));
        }
    }

    private void run(List<String> argv, String what) {
        BashRunner.Result r = BashRunner.exec(argv, env(), CMD, base, null);
        if (!r.ok()) throw new AssertionError(what + " failed: " + r.stdout() + r.stderr());
    }

    private void write(String file, String text, boolean append) {
        try {
            Files.writeString(data.resolve(file), text, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", bin + ":/usr/bin:/bin");
        env.put("HOME", base.toString());
        env.put("LANG", "C.UTF-8");
        env.put("TZ", "UTC");
        return env;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
