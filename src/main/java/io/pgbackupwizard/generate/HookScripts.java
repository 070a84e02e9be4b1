package io.pgbackupwizard.generate;

import static io.pgbackupwizard.generate.ShellQuote.quote;

import io.pgbackupwizard.model.WizardInput;
import java.util.List;

/**
 * The scripts Velero runs in the PostgreSQL container, as {@code /bin/bash -c <script>}.
 *
 * <p>Both read the password inside the container, never from the manifest: from
 * {@code $POSTGRES_PASSWORD}, or from the file {@code $POSTGRES_PASSWORD_FILE} names (Bitnami chart
 * 16.6.0+ mounts password files by default, and older charts do with usePasswordFile). Both connect to
 * 127.0.0.1 (pg_hba wants a password there) and pin no port, so the container's PGPORT applies.
 */
public final class HookScripts {
    private HookScripts() {}

    public static final String DUMP_FILE = "backup.sql";

    /** Fails loudly (set -e) and keeps a half-written dump out of the file the restore loads. */
    private static final String STRICT = "set -euo pipefail";
    /** With set -u, a container that has neither variable stops here with "unbound variable". */
    private static final String PASSWORD =
            "PGPASSWORD=\"${POSTGRES_PASSWORD:-$(cat \"$POSTGRES_PASSWORD_FILE\")}\"; export PGPASSWORD";

    public static String dumpPath(WizardInput in) {
        return in.mountPath() + "/" + DUMP_FILE;
    }

    /** pg_dump of the whole database as plain SQL that drops each object before recreating it. */
    public static String backupScript(WizardInput in) {
        String dump = quote(dumpPath(in));
        String partial = quote(dumpPath(in) + ".partial");
        return String.join("; ",
                STRICT,
                "rm -f " + dump + " " + partial,
                PASSWORD,
                "pg_dump --clean --if-exists -U " + quote(in.username()) + " -d " + quote(in.database())
                        + " -h 127.0.0.1 -f " + partial,
                "mv " + partial + " " + dump);
    }

    /** Waits for the server, loads the dump in one transaction (all or nothing), then deletes it. */
    public static String restoreScript(WizardInput in) {
        String dump = quote(dumpPath(in));
        return String.join("; ",
                STRICT,
                "test -f " + dump,
                PASSWORD,
                "until pg_isready -q -h 127.0.0.1; do sleep 1; done",
                "psql -X -q -v ON_ERROR_STOP=1 --single-transaction -U " + quote(in.username()) + " -d "
                        + quote(in.database()) + " -h 127.0.0.1 -f " + dump,
                "rm -f " + dump);
    }

    /** The exec argv Velero runs: not through a shell, so the script needs bash -c for $VARS to expand. */
    public static List<String> argv(String script) {
        return List.of("/bin/bash", "-c", script);
    }
}
