package io.pgbackupwizard.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgbackupwizard.generate.migrate.CopyScript;
import io.pgbackupwizard.testsupport.BashRunner;
import io.pgbackupwizard.testsupport.PostgresServer;

/**
 * The migration's copy script between two real PostgreSQL servers (Debian's, on 127.0.0.1): the old chart's database
 * (its user, the sample data with a large object, a sequence, a view and a function, a role with grants) copied into
 * the new chart's empty database, owned there by the new chart's user; then run again, refused a foreign target,
 * resumed after being cut off between the copy and its marker or killed while it writes, and run under an application
 * that keeps writing. What it does not prove: two major versions (both servers are this machine's PostgreSQL 15), the
 * Job and the charts around it (MigrationChartRenderTest, MigrationJobRealContainerTest), the official image's tools.
 */
@Tag("slow")
class CopyScriptTest {

    @RegisterExtension
    static final PostgresServer SOURCE = new PostgresServer();

    @RegisterExtension
    static final PostgresServer TARGET = new PostgresServer();

    static final String SOURCE_USER = "username";
    static final String TARGET_USER = "app_owner";

    @BeforeEach
    void freshDatabases() {
        SOURCE.sql("postgres", "DROP DATABASE IF EXISTS dbname WITH (FORCE); DROP ROLE IF EXISTS reporting;"
                + " DROP ROLE IF EXISTS " + SOURCE_USER + ";");
        SOURCE.createRoleAndDatabase(SOURCE_USER, "old-pw", "dbname");
        SampleData.load(SOURCE, SOURCE_USER, "dbname");
        SampleData.addLargeObject(SOURCE::sql, SOURCE_USER, "dbname");
        SOURCE.sql("dbname", "CREATE ROLE reporting NOLOGIN; GRANT SELECT ON customer TO reporting;"
                + " GRANT reporting TO " + SOURCE_USER + ";");
        TARGET.sql("postgres", "DROP DATABASE IF EXISTS appdb WITH (FORCE); DROP ROLE IF EXISTS reporting;"
                + " DROP ROLE IF EXISTS " + SOURCE_USER + "; DROP ROLE IF EXISTS " + TARGET_USER + ";");
        TARGET.createRoleAndDatabase(TARGET_USER, "new-pw", "appdb");
    }

    private static BashRunner.Result copy(Map<String, String> extra) {
        return BashRunner.run(List.of("/bin/bash", "-c", CopyScript.script()), copyEnv(extra), Duration.ofMinutes(2));
    }

    private static Map<String, String> copyEnv(Map<String, String> extra) {
        Map<String, String> env = new java.util.LinkedHashMap<>(Map.of(
                "SOURCE_HOST", SOURCE.host(), "SOURCE_PORT", String.valueOf(SOURCE.port()), "SOURCE_USER", "postgres",
                "SOURCE_PASSWORD", SOURCE.superuserPassword(), "SOURCE_DB", "dbname",
                "TARGET_HOST", TARGET.host(), "TARGET_PORT", String.valueOf(TARGET.port()), "TARGET_USER", "postgres",
                "TARGET_PASSWORD", TARGET.superuserPassword(), "TARGET_DB", "appdb"));
        env.put("TARGET_OWNER", TARGET_USER);
        env.put("PATH", SOURCE.binDir() + ":" + System.getenv("PATH"));
        env.putAll(extra);
        return env;
    }

    /** The target's own roles with their attributes and password hashes. */
    private static String roles() {
        return TARGET.sql("postgres",
                "SELECT string_agg(rolname || ' ' || rolsuper || rolcanlogin || ' ' || coalesce(rolpassword, '-'),"
                        + " ', ' ORDER BY rolname) FROM pg_authid WHERE rolname IN ('postgres', '" + TARGET_USER + "')");
    }

    /** The sample fingerprint with the owner's name the copy is expected to change. */
    private static String asOwnedBy(String fingerprint, String owner) {
        return fingerprint.replace("=" + SOURCE_USER, "=" + owner);
    }

    @Test
    void theCopyIsEqualOwnedByTheNewUserAndRunsOnce() {
        String before = SampleData.fingerprint(SOURCE, "dbname");
        String targetRoles = roles();
        String largeObjects = SampleData.largeObjectFingerprint(SOURCE::sql, "dbname");
        BashRunner.Result r = copy(Map.of());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains("copied and checked"), r.stdout());

        assertEquals(asOwnedBy(before, TARGET_USER), SampleData.fingerprint(TARGET, "appdb"));
        assertEquals(largeObjects.replace("/" + SOURCE_USER + "/", "/" + TARGET_USER + "/"),
                SampleData.largeObjectFingerprint(TARGET::sql, "appdb"), "large objects under the same oids");
        assertEquals("t", TARGET.sql("appdb", "SELECT pg_has_role('" + SOURCE_USER + "', 'reporting', 'member')"),
                "the source's roles and memberships came first");
        assertEquals("t", TARGET.sql("appdb", "SELECT has_table_privilege('reporting', 'customer', 'SELECT')"),
                "grants came with the data");
        assertEquals(targetRoles, roles(), "the target's own roles are not altered");
        assertEquals(before, SampleData.fingerprint(SOURCE, "dbname"), "the source's data is only read");

        String copied = SampleData.fingerprint(TARGET, "appdb");
        BashRunner.Result again = copy(Map.of());
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.stdout().startsWith("already copied"), again.stdout());
        assertEquals(copied, SampleData.fingerprint(TARGET, "appdb"), "a second run changes nothing");
    }

    /**
     * The application keeps writing while the copy runs: from the moment the copy starts its writes are refused (the
     * open session is ended, new ones are read-only), and every write it saw succeed is in the copy: none is lost
     * after the dump. The source stays read-only for the switch.
     */
    @Test
    void writesDuringTheCopyAreRefusedNeverLost() throws Exception {
        SOURCE.sql("dbname", "SET ROLE " + SOURCE_USER + "; CREATE TABLE event (id serial PRIMARY KEY, at timestamptz"
                + " NOT NULL DEFAULT now());");
        java.nio.file.Path committed = java.nio.file.Files.createTempFile("pgbw-committed-", ".txt");
        java.nio.file.Path refused = java.nio.file.Files.createTempFile("pgbw-refused-", ".txt");
        // One long session first (ended by the copy), then a new session per insert, as a pool reconnecting would.
        String writer = "export PGPASSWORD=old-pw; psql() { \"$BIN/psql\" -X -A -t -q -h " + SOURCE.host() + " -p "
                + SOURCE.port() + " -U " + SOURCE_USER + " -d dbname --no-password \"$@\"; };"
                + " for i in $(seq 1 400); do echo 'insert into event default values returning id;'; sleep 0.005; done"
                + " | psql -v ON_ERROR_STOP=1 >> \"$COMMITTED\" 2>> \"$REFUSED\";"
                + " while [ ! -e \"$STOP\" ]; do psql -c 'insert into event default values returning id' >> \"$COMMITTED\""
                + " 2>> \"$REFUSED\"; sleep 0.02; done";
        java.nio.file.Path stop = committed.resolveSibling(committed.getFileName() + ".stop");
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c", writer);
        pb.environment().putAll(Map.of("BIN", SOURCE.binDir().toString(), "COMMITTED", committed.toString(),
                "REFUSED", refused.toString(), "STOP", stop.toString()));
        Process app = pb.start();
        try {
            Thread.sleep(800); // the application is writing
            BashRunner.Result r = copy(Map.of());
            assertEquals(0, r.exitCode(), r::toString);
            Thread.sleep(500); // and keeps trying after the copy
        } finally {
            java.nio.file.Files.writeString(stop, "");
            app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            app.destroyForcibly();
        }
        List<String> ids = java.nio.file.Files.readAllLines(committed).stream().filter(l -> !l.isBlank()).toList();
        String errors = java.nio.file.Files.readString(refused);
        assertTrue(ids.size() > 10, () -> "the application wrote before the copy: " + ids.size());
        assertTrue(errors.contains("read-only transaction") || errors.contains("terminating connection"),
                () -> "writes after the start were refused: " + errors);
        String copiedIds = TARGET.sql("appdb", "SELECT string_agg(id::text, ',' ORDER BY id) FROM event");
        List<String> copied = List.of(copiedIds.split(","));
        // (a row committed just as its session was ended may be copied without the application having seen it)
        assertTrue(copied.containsAll(ids), () -> "every write the application saw succeed is in the copy: " + ids
                + " vs " + copiedIds);
        assertEquals(copiedIds, SOURCE.sql("dbname", "SELECT string_agg(id::text, ',' ORDER BY id) FROM event"),
                "nothing reached the source after the dump");
        assertEquals("on", SOURCE.sql("dbname", "SHOW default_transaction_read_only"), "read-only for the switch");
    }

    @Test
    void aTargetWithOtherTablesIsRefusedUnlessReplacing() {
        TARGET.sql("appdb", "SET ROLE " + TARGET_USER + "; CREATE TABLE customer (id int); INSERT INTO customer VALUES (1);");
        BashRunner.Result r = copy(Map.of());
        assertNotEquals(0, r.exitCode());
        assertTrue(r.stderr().contains("already holds 1 objects that are not a copy of dbname: refused"), r.stderr());
        assertEquals("1", TARGET.sql("appdb", "SELECT count(*) FROM customer"), "refused: nothing changed");
        assertEquals("off", SOURCE.sql("dbname", "SHOW default_transaction_read_only"),
                "refused: the source takes writes again");

        BashRunner.Result replaced = copy(Map.of("REPLACE", "true"));
        assertEquals(0, replaced.exitCode(), replaced::toString);
        assertEquals(asOwnedBy(SampleData.fingerprint(SOURCE, "dbname"), TARGET_USER), SampleData.fingerprint(TARGET, "appdb"));
    }

    /** Cut off after the copy, before its marker (a killed Job): the next run sees a complete copy and only marks it. */
    @Test
    void aRunCutOffBeforeItsMarkerIsCompletedWithoutCopyingAgain() {
        assertEquals(0, copy(Map.of()).exitCode());
        TARGET.sql("appdb", "DROP SCHEMA " + CopyScript.MARKER + " CASCADE;");
        BashRunner.Result r = copy(Map.of());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains("the copy was complete; marked done"), r.stdout());
    }

    /**
     * The Job's pod killed while pg_restore writes (SIGKILL to every process of the run: no trap runs), then run again
     * as the Job's next pod would: the target's open transaction died with the connection, and the second run copies
     * everything once and checks it.
     */
    @Test
    void aRunKilledMidwayAndRunAgainEndsEqual() throws Exception {
        // enough rows that the restore is still writing when the kill comes
        SOURCE.sql("dbname", "SET ROLE " + SOURCE_USER + "; CREATE TABLE bulk AS SELECT g AS id, md5(g::text) || "
                + "repeat('x', 200) AS payload FROM generate_series(1, 200000) g;");
        String before = SampleData.fingerprint(SOURCE, "dbname");
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c", CopyScript.script());
        pb.environment().putAll(copyEnv(Map.of()));
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process run = pb.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!"1".equals(TARGET.sql("postgres", "SELECT count(*) FROM pg_stat_activity WHERE datname = 'appdb'"
                    + " AND application_name = 'pg_restore' AND state = 'active'"))) {
                assertTrue(run.isAlive(), "the run ended before pg_restore was seen writing");
                assertTrue(System.nanoTime() < deadline, "pg_restore never started");
                Thread.sleep(20);
            }
        } finally {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
            run.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        BashRunner.Result again = copy(Map.of());
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.stdout().contains("copied and checked"), again.stdout());
        assertEquals(asOwnedBy(before, TARGET_USER), SampleData.fingerprint(TARGET, "appdb"));
    }

    /** A copy that cannot finish (a role it needs cannot be made) changes nothing in the target. */
    @Test
    void aFailedCopyLeavesTheTargetAsItWas() {
        BashRunner.Result r = copy(Map.of("TARGET_OWNER", "nobody_such_role"));
        assertNotEquals(0, r.exitCode());
        assertEquals("0", TARGET.sql("appdb", "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"),
                "one transaction: no table left behind");
        assertEquals("off", SOURCE.sql("dbname", "SHOW default_transaction_read_only"),
                "failed: the source takes writes again");
    }
}
