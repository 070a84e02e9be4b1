package io.pgbackupwizard.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Proves the test harness works: real server, nasty identifiers, password auth, clean env, permissions. */
@Tag("slow") // a slow suite: runs in mvn verify (Failsafe), not in mvn test
class PostgresServerSelfTest {

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    static final String ROLE = "we\"ird role";
    static final String PASSWORD = "p'a$s\"w";
    static final String DB = "d'b \"ü$x\\ 🐘";
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @BeforeAll
    static void createRole() {
        PG.createRoleAndDatabase(ROLE, PASSWORD, DB);
    }

    private static BashRunner.Result psqlAs(String password, String sql) {
        Map<String, String> env = PG.clientEnv();
        env.put("PW", password);
        env.put("ROLE", ROLE);
        env.put("DB", DB);
        env.put("Q", sql);
        return BashRunner.run(List.of("/bin/bash", "-c",
                "PGPASSWORD=\"$PW\" psql -X -h 127.0.0.1 -U \"$ROLE\" -d \"$DB\" -Atc \"$Q\""), env, TIMEOUT);
    }

    @Test
    void serverBasics() {
        assertEquals("127.0.0.1", PG.host());
        assertTrue(PG.port() > 0);
        assertTrue(Files.isExecutable(PG.binDir().resolve("psql")));
        assertEquals("1", PG.sql("postgres", "select 1"));
        assertEquals("UTF8", PG.sql(DB, "show server_encoding"));
        // listens on every address like the Bitnami image's final server, but admits TCP from 127.0.0.1 only
        assertEquals("*", PG.sql("postgres", "show listen_addresses"));
        assertEquals("127.0.0.1", PG.sql("postgres",
                "select string_agg(distinct address, ',') from pg_hba_file_rules where type = 'host'"));
        assertEquals("off", PG.sql("postgres", "show fsync"));
    }

    @Test
    void clientEnvIsMinimal() {
        Map<String, String> env = PG.clientEnv();
        assertEquals(Set.of("PATH", "PGPORT", "HOME", "LANG"), env.keySet());
        assertEquals(PG.binDir() + ":/usr/bin:/bin", env.get("PATH"));
        assertEquals(Integer.toString(PG.port()), env.get("PGPORT"));
    }

    @Test
    void passwordLoginWithNastyNamesOverTcp() {
        BashRunner.Result r = psqlAs(PASSWORD, "select 1");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("1", r.stdout().strip());

        BashRunner.Result who = psqlAs(PASSWORD, "select current_user || '|' || current_database()");
        assertEquals(0, who.exitCode(), who::toString);
        assertEquals(ROLE + "|" + DB, who.stdout().strip());
    }

    @Test
    void wrongPasswordFails() {
        BashRunner.Result r = psqlAs("wrong", "select 1");
        assertNotEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("password authentication failed"), r::toString);
    }

    @Test
    void superuserNeedsPasswordOverTcp() {
        Map<String, String> env = PG.clientEnv();
        BashRunner.Result r = BashRunner.run(List.of("/bin/bash", "-c",
                "psql -X -w -h 127.0.0.1 -U postgres -d postgres -Atc 'select 1'"), env, TIMEOUT);
        assertNotEquals(0, r.exitCode(), r::toString);
    }

    @Test
    void sqlHelperHandlesUnicodeAndRecreate() {
        PG.sql(DB, "create table t(v text); insert into t values ('grüße 🐘 '' \" \\ $x');");
        assertEquals("grüße 🐘 ' \" \\ $x", PG.sql(DB, "select v from t"));
        PG.recreateDatabase(ROLE, DB);
        assertEquals("0", PG.sql(DB, "select count(*) from pg_class where relname = 't'"));
        assertEquals(ROLE, PG.sql("postgres",
                "select pg_get_userbyid(datdba) from pg_database where datname = " + PostgresServer.quoteLiteral(DB)));
        AssertionError e = assertThrows(AssertionError.class, () -> PG.sql(DB, "select * from no_such_table"));
        assertTrue(e.getMessage().contains("no_such_table"), e::getMessage);

        String other = "to \"drop\" ' me";
        PG.recreateDatabase(ROLE, other);
        assertEquals("1", PG.sql("postgres", "select count(*) from pg_database where datname = "
                + PostgresServer.quoteLiteral(other)));
        PG.dropDatabase(other);
        PG.dropDatabase(other); // idempotent
        assertEquals("0", PG.sql("postgres", "select count(*) from pg_database where datname = "
                + PostgresServer.quoteLiteral(other)));
    }

    @Test
    void scratchDirWritableAndReadOnlyDirNot() throws Exception {
        Path scratch = BashRunner.newScratchDir();
        Map<String, String> env = PG.clientEnv();
        env.put("DIR", scratch.toString());
        BashRunner.Result ok = BashRunner.run(List.of("/bin/bash", "-c", "echo hello > \"$DIR/out.txt\""), env, TIMEOUT);
        assertEquals(0, ok.exitCode(), ok::toString);
        assertEquals("hello\n", Files.readString(scratch.resolve("out.txt")));

        Path ro = BashRunner.newScratchDir();
        BashRunner.makeReadOnly(ro);
        env.put("DIR", ro.toString());
        BashRunner.Result denied = BashRunner.run(List.of("/bin/bash", "-c", "echo hello > \"$DIR/out.txt\""), env,
                TIMEOUT);
        assertNotEquals(0, denied.exitCode(), denied::toString);
        assertTrue(denied.stderr().contains("Permission denied"), denied::toString);
        assertFalse(Files.exists(ro.resolve("out.txt")));
    }

    @Test
    void runnerUsesCleanEnvironmentWorkDirAndClosedStdin() {
        Path work = BashRunner.newScratchDir();
        BashRunner.Result r = BashRunner.run(List.of("/bin/bash", "-c",
                "pwd; cat; env | cut -d= -f1 | sort | tr '\\n' ' '; echo >&2 to-stderr; exit 3"),
                Map.of("FOO", "bar baz", "PATH", "/usr/bin:/bin"), TIMEOUT, work);
        assertEquals(3, r.exitCode(), r::toString);
        assertEquals("to-stderr\n", r.stderr());
        String[] lines = r.stdout().split("\n");
        assertEquals(work.toString(), lines[0]);
        Set<String> names = new TreeSet<>(Arrays.asList(lines[1].trim().split(" ")));
        names.removeAll(Set.of("PWD", "SHLVL", "_", "OLDPWD"));
        assertEquals(Set.of("FOO", "PATH"), names, () -> "leaked env: " + names);
    }

    @Test
    void runnerKillsOnTimeout() {
        long t0 = System.nanoTime();
        BashRunner.Result r = BashRunner.run(List.of("/bin/bash", "-c", "sleep 60 & sleep 60; echo never"),
                Map.of("PATH", "/usr/bin:/bin"), Duration.ofSeconds(1));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(-1, r.exitCode(), r::toString);
        assertFalse(r.stdout().contains("never"));
        assertTrue(ms < 15_000, "took " + ms + " ms");
    }

    @Test
    void secondIndependentServer() {
        PostgresServer other = new PostgresServer();
        long t0 = System.nanoTime();
        other.start();
        long started = System.nanoTime();
        try {
            assertNotEquals(PG.port(), other.port());
            assertEquals("1", other.sql("postgres", "select 1"));
            other.createRoleAndDatabase(ROLE, PASSWORD, DB); // same names, separate cluster
        } finally {
            other.stop();
            other.stop(); // idempotent
        }
        long stopped = System.nanoTime();
        System.out.printf("[PostgresServerSelfTest] start %d ms, stop %d ms%n",
                (started - t0) / 1_000_000, (stopped - started) / 1_000_000);
        assertThrows(IllegalStateException.class, other::port);
    }

    @Test
    void quoting() {
        assertEquals("\"a\"\"b\"", PostgresServer.quoteIdent("a\"b"));
        assertEquals("'a''b'", PostgresServer.quoteLiteral("a'b"));
        assertEquals("'a\\'b\\\\c'", PostgresServer.quoteConninfoValue("a'b\\c"));
        assertEquals(Set.of("1"), Arrays.stream(PG.sql("postgres", "select 1").split("\n")).collect(Collectors.toSet()));
    }
}
