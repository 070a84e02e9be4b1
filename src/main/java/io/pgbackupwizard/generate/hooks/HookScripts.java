package io.pgbackupwizard.generate.hooks;

import static io.pgbackupwizard.generate.hooks.ShellQuote.quote;

import java.util.ArrayList;
import java.util.List;

import io.pgbackupwizard.model.DumpFormat;
import io.pgbackupwizard.model.HookUser;
import io.pgbackupwizard.model.WizardInput;

/**
 * The scripts Velero runs in the PostgreSQL container, as {@code /bin/bash -c <script>}.
 *
 * <p>
 * The container may run as a uid with no passwd entry (Bitnami: 1001) and without PGPORT, so every libpq tool gets
 * {@code -U}, {@code -d}, the port of the chart's port variable ({@code $POSTGRESQL_PORT_NUMBER} on Bitnami; the
 * official image's {@code $PGPORT}, which it honours when set) falling back to 5432, and {@code --no-password} (fail,
 * never prompt). The password is read inside the container, never from the manifest: {@code $POSTGRES_PASSWORD} or
 * the file {@code $POSTGRES_PASSWORD_FILE} names (Bitnami's {@code POSTGRES_POSTGRES_*} pair for its superuser).
 */
public final class HookScripts {
    private HookScripts() {
    }

    /** Fails loudly (set -e) and keeps a half-written dump out of the file the restore loads. */
    private static final String STRICT = "set -euo pipefail";

    /** The file the restore hook loads: backup.dump (custom) or backup.sql (plain). */
    public static String dumpPath(WizardInput in) {
        return in.mountPath() + "/" + in.dumpFormat().fileName();
    }

    /** The role the hooks log in as. */
    public static String hookRole(WizardInput in) {
        return in.hookUser() == HookUser.postgres ? "postgres" : in.username();
    }

    /**
     * Dumps into a unique temporary file under a lock, then renames it: a timed-out earlier run (Velero cannot
     * kill it) can neither race this one nor leave a half dump under the name the restore loads. The old dump is
     * removed first, so a failed backup never ships stale data.
     */
    public static String backupScript(WizardInput in) {
        String mount = in.mountPath();
        List<String> steps = new ArrayList<>(List.of(
                STRICT,
                // the lock is the volume's directory itself, so nothing but the dump is ever backed up
                "exec 9<" + quote(mount),
                "flock -n 9 || { echo 'an earlier backup hook still runs in this container' >&2; exit 1; }",
                // under the lock no other run is alive: a temporary file left here was a killed run's
                "rm -f " + quote(mount + "/" + DumpFormat.custom.fileName()) + " "
                        + quote(mount + "/" + DumpFormat.plain.fileName()) + " " + quote(mount) + "/" + TEMP_GLOB,
                password(in)));
        if (in.dumpFormat() == DumpFormat.plain)
            steps.add(refuseLargeObjects(in));
        steps.addAll(List.of(
                "tmp=\"$(mktemp " + quote(mount + "/" + TEMP_TEMPLATE) + ")\"",
                "trap 'rm -f \"$tmp\"' EXIT",
                in.dumpFormat() == DumpFormat.custom
                        ? "pg_dump -Fc -Z1 " + connection(in) + " -f \"$tmp\""
                        : "pg_dump --clean --if-exists " + connection(in) + " -f \"$tmp\"",
                "mv -f \"$tmp\" " + quote(dumpPath(in))));
        return String.join("; ", steps);
    }

    private static final String TEMP_TEMPLATE = ".backup.XXXXXX";
    private static final String TEMP_GLOB = ".backup.??????";

    /** What the plain-format backup says when the database holds large objects. */
    private static final String LARGE_OBJECTS_REFUSED = "a plain dump carries large objects in its own transaction,"
            + " so its restore could not be all-or-nothing; use dumpFormat custom";

    /**
     * pg_dump's plain output wraps large objects in its own BEGIN/COMMIT, which ends psql's --single-transaction
     * early (psql's manual says so): the rest of the restore would run in autocommit. Refusing the backup keeps the
     * restore's promise; pg_largeobject_metadata is readable by every role.
     */
    private static String refuseLargeObjects(WizardInput in) {
        return "los=\"$(psql -X -A -t " + connection(in) + " -c 'select count(*) from pg_largeobject_metadata')\""
                + "; [ \"$los\" = 0 ] || { echo \"large objects in the database: $los; " + LARGE_OBJECTS_REFUSED
                + "\" >&2; exit 1; }";
    }

    /**
     * Waits for the FINAL server, loads the dump in one transaction (all or nothing), then deletes it. A KOTS
     * restore always starts on an empty volume: the image first runs a temporary server on localhost only (trust
     * auth) to create the user and database, then restarts with {@code listen_addresses='*'}; only that answer
     * means the real server is up. Only errors reach Velero's log (stdout is dropped).
     */
    public static String restoreScript(WizardInput in) {
        String dump = quote(dumpPath(in));
        String load = in.dumpFormat() == DumpFormat.custom
                ? "pg_restore --clean --if-exists --single-transaction --exit-on-error " + connection(in) + " " + dump
                : "psql -X -q -v ON_ERROR_STOP=1 --single-transaction " + connection(in) + " -f " + dump;
        return String.join("; ",
                STRICT,
                "test -f " + dump,
                password(in),
                // a wrong password will not heal: say so and stop instead of spinning until exec-timeout
                "until out=\"$(psql -X -A -t " + connection(in) + " -c 'show listen_addresses' 2>&1)\""
                        + " && [ \"$out\" = '*' ]; do case \"$out\" in *'password authentication failed'*)"
                        + " echo \"$out\" >&2; exit 1;; esac; sleep 1; done",
                load + " >/dev/null",
                "rm -f " + dump);
    }

    /** The exec argv Velero runs: not through a shell, so the script needs bash -c for $VARS to expand. */
    public static List<String> argv(String script) {
        return List.of("/bin/bash", "-c", script);
    }

    private static String connection(WizardInput in) {
        return "-h 127.0.0.1 -p " + port(in) + " -U " + quote(hookRole(in)) + " -d " + quote(in.database()) + " --no-password";
    }

    /** The server's port, from the chart's variable where it sets one (vendors change it), else the images' 5432. */
    private static String port(WizardInput in) {
        String var = in.chart().portVariable() == null ? "PGPORT" : in.chart().portVariable();
        return "\"${" + var + ":-5432}\"";
    }

    /** The container's variable holding the hook role's password (its _FILE variant names a file instead). */
    public static String passwordVariable(WizardInput in) {
        return in.hookUser() == HookUser.postgres && !in.username().equals("postgres")
                ? in.chart().superuserPasswordVariable()
                : in.chart().appPasswordVariable();
    }

    /** With set -u, a container that has neither variable stops here with "unbound variable". */
    private static String password(WizardInput in) {
        String var = passwordVariable(in);
        return "PGPASSWORD=\"${" + var + ":-$(cat \"$" + var + "_FILE\")}\"; export PGPASSWORD";
    }
}
