package io.pgbackupwizard.generate.text;

import java.util.stream.Collectors;

import io.pgbackupwizard.generate.hooks.ShellQuote;
import io.pgbackupwizard.generate.migrate.MigrationChart;
import io.pgbackupwizard.generate.migrate.MigrationConfig;
import io.pgbackupwizard.generate.migrate.MigrationHelmChart;
import io.pgbackupwizard.generate.migrate.MigrationValues;
import io.pgbackupwizard.model.InstallPath;
import io.pgbackupwizard.model.WizardInput;

/**
 * The vendor's guide to the release that moves each customer's data off the Bitnami chart: made from the same names,
 * weights and timeout as the migration chart's HelmChart and values (MigrationGuideTest holds it to them).
 */
public final class MigrationGuide {
    private MigrationGuide() {
    }

    /** Bitnami's data claim for the primary's StatefulSet (named like the fullname): data-<fullname>-0. */
    public static String sourceClaim(WizardInput in) {
        return "data-" + MigrationValues.sourceFullname(in) + "-0";
    }

    /**
     * The command that makes the old database writable again (a rollback before the next release drops it): the
     * superuser's password from the Secret the Job read, passed on stdin (never on a command line), to psql in the old
     * chart's pod.
     */
    public static String thawCommand(WizardInput in) {
        return "kubectl -n <app-namespace> get secret " + MigrationValues.sourceSecret(in) + " -o go-template="
                + ShellQuote.quote("{{index .data \"" + in.migrateFromPasswordKey() + "\" | base64decode}}")
                + " | kubectl -n <app-namespace> exec -i " + sourcePod(in) + " -c " + SOURCE_CONTAINER + " -- bash -c "
                + ShellQuote.quote(thawInPod(in));
    }

    /** What the rollback runs in the old chart's container, the password on its stdin. */
    public static String thawInPod(WizardInput in) {
        String sql = "ALTER DATABASE " + quoteIdent(in.database()) + " RESET default_transaction_read_only";
        return "PGPASSWORD=\"$(cat)\" psql -U postgres -d postgres -c " + ShellQuote.quote(sql);
    }

    /** The Bitnami chart's container (every generation from 11 names it so). */
    static final String SOURCE_CONTAINER = "postgresql";

    /** The old chart's one pod: its primary StatefulSet is named like its fullname. */
    public static String sourcePod(WizardInput in) {
        return MigrationValues.sourceFullname(in) + "-0";
    }

    private static String quoteIdent(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    public static String text(WizardInput in) {
        String paths = in.installPaths().stream().filter(InstallPath.HELM_CHART_PATHS::contains)
                .map(InstallPath::label).collect(Collectors.joining(", "));
        String job = in.migrationRelease() + MigrationChart.JOB_SUFFIX;
        return """
                # Moving your customers' data off the Bitnami chart (%1$s)

                This release moves each customer's PostgreSQL data from the Bitnami postgresql chart %2$s (release
                `%3$s`) to the %4$s chart %5$s (release `%6$s`) during one upgrade, with no step on the customer's
                side. It keeps the old chart and its volume; the release after it drops them (below).

                ## What happens at the customer's upgrade

                1. The installer installs the charts by weight. Both PostgreSQL charts keep weight 0: the old one stays
                   as it is, the new one (`%6$s`) starts empty.
                2. The migration chart (`%7$s`, weight %8$d) runs its Job `%9$s` in the new chart's image
                   (`%10$s`; nothing else to mirror for air gap). It waits up to 10 minutes for both servers, makes
                   the old database `%11$s` read-only and ends its open sessions (writes from then on fail loudly
                   instead of being lost), copies the roles (without passwords) and then the database in one
                   transaction (`pg_dump -Fc | pg_restore --no-owner`, owned by the new chart's user), compares every
                   table's row count and content checksum, its large objects and sequences, and writes a marker
                   (`pgbw_migration.done`) into the new database. A run that finds the marker does nothing, so every
                   later deploy passes straight through.
                3. Helm waits for the Job up to %12$s (the migration timeout); only then does your application (a
                   higher weight) move to the new database at `%6$s`.

                If the copy fails, the chart's upgrade fails with the Job's reason
                (`kubectl -n <app-namespace> logs job/%9$s`), the old
                database is made writable again, the new one is left as it was, and your application stays on the old
                database. If the new database already holds tables that are not a copy of the old one, the Job
                refuses; the customer turns on "%13$s" on the config screen and deploys again.

                ## What to put in this release

                - Keep the Bitnami chart's HelmChart and .tgz unchanged.
                - Add the new chart: `%14$s` with its .tgz (`helm pull %15$s --version %5$s`) and `config.yaml`.
                - Add the migration chart: the folder `%16$s` packaged with `helm package %17$s` (it makes
                  `%17$s-%18$s.tgz`), and `%19$s`.
                - Point your application at the new database: merge `app-database-values.yaml` into its HelmChart, and
                  give that HelmChart a weight above %8$d (10, say), so it moves only after the copy.
                - Make the release required in the Vendor Portal ("Prevent this release from being skipped"), so no
                  customer jumps past it to the release that drops the old chart.

                Install paths: %20$s. The copy runs as a Helm hook with weights, which KOTS (kURL and Embedded
                Cluster v2 alike) honours for HelmChart charts; Embedded Cluster v3 installs them with Helm by weight
                too. Not proven here: whether Embedded Cluster v3 passes `helmUpgradeFlags` (else Helm's 5-minute
                default bounds the copy).

                ## Rolling back, until the next release

                Nothing of the old install is removed: its chart, its Service and its volume stay. To go back, roll
                the application back to the previous version in the admin console, then make the old database
                writable again:

                ```
                %21$s
                ```

                Anything the application wrote to the new database after the move is not carried back.

                ## The next release: drop the old chart

                Once every customer has run this release, ship the next one without the Bitnami HelmChart and .tgz,
                without the migration chart and its HelmChart, and without the "%22$s" Config group. Helm
                leaves a StatefulSet's volume claims behind: the old data stays in `%23$s` until the customer deletes
                it on purpose, after checking the application on the new database:

                ```
                kubectl -n <app-namespace> delete pvc %23$s
                kubectl -n <app-namespace> delete job %9$s
                ```
                """.formatted(in.family().title(), in.migrateFrom(), in.migrateFromRelease(), in.family().title(),
                in.chartVersion(), in.name(), in.migrationRelease(), MigrationHelmChart.WEIGHT, job,
                MigrationValues.imageReference(in),
                in.database(), in.migrationTimeout(), MigrationConfig.REPLACE_TITLE, in.name() + "-helmchart.yaml",
                in.family().chartRepository(), MigrationChart.FOLDER, MigrationChart.NAME, MigrationChart.VERSION,
                in.name() + "-migration-helmchart.yaml", paths, thawCommand(in), MigrationConfig.GROUP_TITLE,
                sourceClaim(in));
    }
}
