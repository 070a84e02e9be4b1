package io.pgbackupwizard.generate.text;

import java.util.stream.Collectors;

import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.generate.helm.HelmCliValues;
import io.pgbackupwizard.generate.hooks.ShellQuote;
import io.pgbackupwizard.generate.migrate.MigrationChart;
import io.pgbackupwizard.generate.migrate.MigrationConfig;
import io.pgbackupwizard.generate.migrate.MigrationHelmChart;
import io.pgbackupwizard.generate.migrate.MigrationValues;
import io.pgbackupwizard.model.InstallPath;
import io.pgbackupwizard.model.WizardInput;

/**
 * The vendor's guide to the release that moves each customer's data off the Bitnami chart, per install path: made from
 * the same names, weights and timeout as the migration chart's HelmChart and values (MigrationGuideTest holds it to
 * them).
 */
public final class MigrationGuide {
    private MigrationGuide() {
    }

    /** Bitnami's data claim for its primary's StatefulSet (named like the chart's fullname): data-<fullname>-0. */
    static String claim(String fullname) {
        return "data-" + fullname + "-0";
    }

    /** The old chart's data claim under KOTS. */
    public static String sourceClaim(WizardInput in) {
        return claim(MigrationValues.sourceFullname(in));
    }

    /**
     * The command that makes the old database writable again (a rollback before the next release drops it): the
     * superuser's password from the Secret the Job read, passed on stdin (never on a command line), to psql in the old
     * chart's pod.
     */
    public static String thawCommand(WizardInput in) {
        return thawCommand(in, MigrationValues.sourceSecret(in), MigrationValues.sourceFullname(in) + "-0");
    }

    private static String thawCommand(WizardInput in, String secret, String pod) {
        return "kubectl -n <app-namespace> get secret " + secret + " -o go-template="
                + ShellQuote.quote("{{index .data \"" + in.migrateFromPasswordKey() + "\" | base64decode}}")
                + " | kubectl -n <app-namespace> exec -i " + pod + " -c " + SOURCE_CONTAINER + " -- bash -c "
                + ShellQuote.quote(thawInPod(in));
    }

    /** What the rollback runs in the old chart's container, the password on its stdin. */
    public static String thawInPod(WizardInput in) {
        String sql = "ALTER DATABASE " + quoteIdent(in.database()) + " RESET default_transaction_read_only";
        return "PGPASSWORD=\"$(cat)\" psql -U postgres -d postgres -c " + ShellQuote.quote(sql);
    }

    /** The Bitnami chart's container (every generation from 11 names it so). */
    static final String SOURCE_CONTAINER = "postgresql";

    /** On the Helm CLI the names follow the customer's release: shown as this. */
    static final String RELEASE = "<release>";

    private static String quoteIdent(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    public static String text(WizardInput in) {
        boolean kots = InstallPath.anyReplicated(in.installPaths());
        boolean helm = in.serves(InstallPath.HELM);
        StringBuilder out = new StringBuilder();
        out.append("""
                # Moving your customers' data off the Bitnami chart (%1$s)

                This release moves each customer's PostgreSQL data from the Bitnami postgresql chart %2$s to the %1$s
                chart %3$s during an upgrade, with no step of the customer's own. It keeps the old chart and its
                volume; a later release drops them (below).

                The copy is the migration chart's Job, in the new chart's image (`%4$s`; nothing else to mirror for
                air gap). It waits up to 10 minutes for both servers, makes the old database `%5$s` read-only and ends
                its open sessions (writes from then on fail loudly instead of being lost), copies the roles (without
                passwords) and then the database in one transaction (`pg_dump -Fc | pg_restore --no-owner`, owned by
                the new chart's user), compares every table's row count and content checksum, its large objects and
                sequences, and writes a marker (`pgbw_migration.done`) into the new database. A run that finds the
                marker does nothing, so every later upgrade passes straight through. If the copy fails, the upgrade
                fails with the Job's reason, the old database is made writable again, and the new one is left as it
                was.
                """.formatted(in.family().title(), in.migrateFrom(), in.chartVersion(),
                MigrationValues.reference(kots ? MigrationValues.image(in) : MigrationValues.chartImage(in)),
                in.database()));
        if (kots)
            out.append(kots(in));
        if (helm)
            out.append(helm(in));
        return out.toString();
    }

    private static String kots(WizardInput in) {
        String paths = in.installPaths().stream().filter(InstallPath.HELM_CHART_PATHS::contains)
                .map(InstallPath::label).collect(Collectors.joining(", "));
        String job = in.migrationRelease() + MigrationChart.JOB_SUFFIX;
        return """

                ## %1$s

                The old chart is the release `%2$s`, the new one `%3$s`.

                1. KOTS installs the charts by weight. Both PostgreSQL charts keep weight 0: the old one stays as it
                   is, the new one starts empty.
                2. The migration chart (`%4$s`, weight %5$d) runs its Job `%6$s` as a post-install and post-upgrade
                   hook, and Helm waits for it up to %7$s (the migration timeout).
                3. Your application (a higher weight) moves to the new database through `%21$s`, a name the migration
                   chart makes only after the copy succeeded (it resolves to the new server, `%8$s`). KOTS goes on
                   with the next charts even after a failed one: your application then finds no database at that name
                   and waits, instead of starting on a database the copy never filled.

                If the copy fails, read why with `kubectl -n <app-namespace> logs job/%6$s`. If the new database
                already holds tables that are not a copy of the old one, the Job refuses; the customer turns on
                "%9$s" on the config screen and deploys again.

                What to put in this release:

                - Keep the Bitnami chart's HelmChart and .tgz unchanged.
                - Add the new chart: `%10$s` with its .tgz (`helm pull %11$s --version %12$s`) and `config.yaml`.
                - Add the migration chart: the folder `%13$s` packaged with `helm package %14$s` (it makes
                  `%14$s-%15$s.tgz`), and `%16$s`.
                - Point your application at the new database: merge `app-database-values.yaml` (its host is
                  `%21$s`) into its HelmChart, and give that HelmChart a weight above %5$d (10, say).
                - Make the release required in the Vendor Portal ("Prevent this release from being skipped"), so no
                  customer jumps past it to the release that drops the old chart.

                KOTS (with kURL and Embedded Cluster v2) installs HelmChart charts with Helm, hooks included, in
                ascending weight, passing `helmUpgradeFlags`; Embedded Cluster v3 installs them with the Helm binary,
                sorted by weight, with `helmUpgradeFlags` too.

                To roll back before the next release, roll the application back to the previous version in the admin
                console, then make the old database writable again (anything written to the new database since the
                move is not carried back):

                ```
                %17$s
                ```

                The next release drops the old chart: ship it without the Bitnami HelmChart and .tgz, without the
                migration chart and its HelmChart, and without the "%18$s" Config group, with your application on the
                new chart's own Service `%8$s` (the wizard's files without migrateFrom). Helm leaves a StatefulSet's
                volume claims behind: the old data stays in `%19$s` until the customer deletes it on purpose, after
                checking the application on the new database:

                ```
                %20$s
                ```
                """.formatted(paths, in.migrateFromRelease(), in.name(), in.migrationRelease(), MigrationHelmChart.WEIGHT,
                job, in.migrationTimeout(), MigrationValues.targetFullname(in), MigrationConfig.REPLACE_TITLE,
                in.name() + "-helmchart.yaml", in.family().chartRepository(), in.chartVersion(), MigrationChart.FOLDER,
                MigrationChart.NAME, MigrationChart.VERSION, in.name() + "-migration-helmchart.yaml", thawCommand(in),
                MigrationConfig.GROUP_TITLE, sourceClaim(in), cleanup(sourceClaim(in), in.migrationRelease()),
                MigrationValues.gate(in));
    }

    private static String helm(WizardInput in) {
        String oldName = ChartFamily.BITNAMI.fullname(RELEASE);
        String newDependency = HelmCliValues.dependency(in);
        String newName = in.family().fullname(RELEASE);
        String move = RELEASE + "-migration";
        String secret = in.migrateFromSecret() != null ? in.migrateFromSecret() : oldName;
        return """

                ## Helm CLI: three versions of your chart

                Your chart has the Bitnami chart as its dependency `%1$s`. The copy must run before your application
                moves, inside one `helm upgrade`, while the new database already runs: so the move takes three
                versions of your chart, in order. A customer who skips the first is stopped by the second (its Job
                finds no new database and fails the upgrade), and nothing is copied.

                1. Add the new chart as the dependency `%2$s` (`%3$s` in Chart.yaml, no alias), with the values of
                   `backup-values.yaml` under `%2$s:`. Your application stays on `%4$s`. Ship it.
                2. Add the migration chart as the dependency `%5$s` (the folder `%6$s` under your chart's
                   `charts/`, or a `file://` dependency), merge `migration-helm-values.yaml` into your values, and
                   point your application at the new database, the Service `%7$s` (its Secret of the same name). The
                   Job is a pre-upgrade hook: at `helm upgrade` it runs before anything of the release changes, and a
                   failed copy stops the upgrade, so your application moves only after the copy. Tell customers to give the upgrade time:
                   `helm upgrade %8$s <chart> --timeout %9$s` (Helm's default is 5 minutes). If the new database
                   already holds tables that are not a copy of the old one, the Job refuses;
                   `--set %5$s.replace=true` overwrites them.
                3. Drop the Bitnami dependency and the migration chart with its values.

                The names follow the customer's release (`%8$s` here). A release whose name holds `postgresql` gives
                both dependencies that one name: tell those customers to set `%2$s.fullnameOverride` and
                `%5$s.target.host` to another.

                To roll back before the third version: `helm rollback %8$s`, then make the old database writable
                again (anything written to the new database since the move is not carried back):

                ```
                %10$s
                ```

                After the third version the old data stays in `%11$s` until the customer deletes it:

                ```
                %12$s
                ```
                """
                .formatted(HelmCliValues.DEPENDENCY, newDependency, in.family().chartName(), oldName,
                        MigrationValues.DEPENDENCY, MigrationChart.FOLDER, newName, RELEASE, in.migrationTimeout(),
                        thawCommand(in, secret, oldName + "-0"), claim(oldName), cleanup(claim(oldName), move));
    }

    /**
     * What is left once the old chart and the migration chart are gone: the old data claim (Helm keeps a
     * StatefulSet's claims) and the migration chart's hooks (Helm never deletes hook resources), by its name.
     */
    private static String cleanup(String claim, String migration) {
        return String.join("\n", "kubectl -n <app-namespace> delete pvc " + claim,
                "kubectl -n <app-namespace> delete job " + migration + MigrationChart.JOB_SUFFIX,
                "kubectl -n <app-namespace> delete configmap " + migration + MigrationChart.SCRIPT_SUFFIX,
                "kubectl -n <app-namespace> delete service " + migration + MigrationChart.GATE_SUFFIX);
    }
}
