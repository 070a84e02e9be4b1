package io.pgbackupwizard.generate.text;

import io.pgbackupwizard.generate.helm.HelmCliValues;
import io.pgbackupwizard.generate.hooks.HookScripts;
import io.pgbackupwizard.generate.hooks.PodValues;
import io.pgbackupwizard.generate.velero.PostgresPodLabels;
import io.pgbackupwizard.model.WizardInput;

/** Helm CLI: what the customer's Velero must do for the chart's backups, to ship with the chart (README or NOTES). */
public final class HelmCliReadme {
    private HelmCliReadme() {
    }

    public static String text(WizardInput in, String scheduleFile) {
        String selector = PostgresPodLabels.selector(in.chart(), HelmCliValues.dependency(in), null);
        return """
                # Backing up the PostgreSQL database with Velero

                This chart does not back up anything by itself. With [Velero](https://velero.io) in your cluster, a
                backup that includes this release's namespace also takes a consistent dump of the database:

                - Before Velero copies the PostgreSQL pod, it runs `pg_dump` in the pod (a backup hook) into a small
                  scratch volume mounted at `%1$s`; only that volume is copied, never the live data volume.
                - After a restore, a restore hook loads the dump back with `%7$s`, in one transaction.

                ## What your Velero needs

                - The node agent (`--use-node-agent`, or `deployNodeAgent: true` in Velero's chart): the scratch volume
                  is copied with Velero's file-system backup.
                - A backup storage location.
                - Either mode of file-system backup works: opt-in (only the `backup` volume is named in
                  `backup.velero.io/backup-volumes`) and opt-out (`--default-volumes-to-fs-backup`: the chart's own
                  volumes `%2$s` are named in `backup.velero.io/backup-volumes-excludes`).
                - If you also take CSI snapshots, the data volume is snapshotted as well; the dump is still the copy to restore from.

                ## Back up

                ```
                velero backup create %3$s-$(date +%%Y%%m%%d%%H%%M) --include-namespaces <namespace of this release>
                ```

                Check that `velero backup describe --details` lists a pod volume backup of `backup` and no hook errors.
                For a daily backup, apply `%4$s` (it selects the PostgreSQL pod by its labels, `%5$s`, in every namespace):
                `kubectl apply -n velero -f %4$s`.

                ## Restore

                Velero does not overwrite objects that exist, and the restore hook runs only in a pod Velero creates:
                uninstall the release (and delete its PostgreSQL volume claim) or restore into a new namespace, then
                `velero restore create --from-backup <backup>`.

                The dump is %8$s. Loading it into a database that is not empty drops and recreates every object the
                dump holds, with the dumped rows, and leaves other objects alone. If any statement fails, nothing
                changes and the dump stays at `%6$s` for another try.
                """
                .formatted(in.mountPath(), String.join(", ", PodValues.anyVersionVolumes(in)), in.name(), scheduleFile,
                        selector, HookScripts.dumpPath(in), in.dumpFormat().restoreTool(), in.dumpFormat().description())
                + passwords(in);
    }

    /**
     * A chart that makes no password itself refuses to install without them: the values cannot hold a secret, so
     * the customer (or the vendor's chart) supplies them.
     */
    private static String passwords(WizardInput in) {
        if (in.chart().superuserPasswordPath() == null)
            return "";
        String prefix = HelmCliValues.dependency(in) + ".";
        return """

                ## Passwords

                The PostgreSQL chart (%1$s) makes no passwords itself and does not install without them. Install with
                both set (or point the chart's existingSecret settings at a Secret you made):

                ```
                helm install <release> <chart> \\
                  --set-string %2$s=<password of the application's user> \\
                  --set-string %3$s=<password of the postgres superuser>
                ```

                """.formatted(in.family().title(), prefix + String.join(".", in.chart().credential(in.chart().passwordKey())),
                prefix + String.join(".", in.chart().superuserPasswordPath()));
    }
}
