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
 * and resumed after being cut off between the copy and its marker. What it does not prove: two major versions
 * (both servers are this machine's PostgreSQL 15), the Job and the charts around it (not generated yet), the
 * official image's tools.
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
        Map<String, String> env = new java.util.LinkedHashMap<>(Map.of(
                "SOURCE_HOST", SOURCE.host(), "SOURCE_PORT", String.valueOf(SOURCE.port()), "SOURCE_USER", "postgres",
                "SOURCE_PASSWORD", SOURCE.superuserPassword(), "SOURCE_DB", "dbname",
                "TARGET_HOST", TARGET.host(), "TARGET_PORT", String.valueOf(TARGET.port()), "TARGET_USER", "postgres",
                "TARGET_PASSWORD", TARGET.superuserPassword(), "TARGET_DB", "appdb"));
        env.put("TARGET_OWNER", TARGET_USER);
        env.put("PATH", SOURCE.binDir() + ":" + System.getenv("PATH"));
        env.putAll(extra);
        return BashRunner.run(List.of("/bin/bash", "-c", CopyScript.script()), env, Duration.ofMinutes(2));
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
        assertEquals(before, SampleData.fingerprint(SOURCE, "dbname"), "the source is only read");

        String copied = SampleData.fingerprint(TARGET, "appdb");
        BashRunner.Result again = copy(Map.of());
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.stdout().startsWith("already copied"), again.stdout());
        assertEquals(copied, SampleData.fingerprint(TARGET, "appdb"), "a second run changes nothing");
    }

    @Test
    void aTargetWithOtherTablesIsRefusedUnlessReplacing() {
        TARGET.sql("appdb", "SET ROLE " + TARGET_USER + "; CREATE TABLE customer (id int); INSERT INTO customer VALUES (1);");
        BashRunner.Result r = copy(Map.of());
        assertNotEquals(0, r.exitCode());
        assertTrue(r.stderr().contains("already holds 1 objects that are not a copy of dbname: refused"), r.stderr());
        assertEquals("1", TARGET.sql("appdb", "SELECT count(*) FROM customer"), "refused: nothing changed");

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

    /** A copy that cannot finish (a role it needs cannot be made) changes nothing in the target. */
    @Test
    void aFailedCopyLeavesTheTargetAsItWas() {
        BashRunner.Result r = copy(Map.of("TARGET_OWNER", "nobody_such_role"));
        assertNotEquals(0, r.exitCode());
        assertEquals("0", TARGET.sql("appdb", "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"),
                "one transaction: no table left behind");
    }
}
