package io.pgbackupwizard.generate.text;

import static io.pgbackupwizard.generate.yaml.Maps.map;

import java.util.List;
import java.util.Map;

import io.pgbackupwizard.generate.hooks.HookScripts;
import io.pgbackupwizard.generate.hooks.ShellQuote;
import io.pgbackupwizard.generate.velero.PostgresPodLabels;
import io.pgbackupwizard.generate.velero.VeleroExtensionManifest;
import io.pgbackupwizard.generate.yaml.ManifestYaml;
import io.pgbackupwizard.model.WizardInput;

/**
 * Embedded Cluster v3 has no restore command: the runbook a vendor gives its customers, restoring the database
 * from the bundled Velero's backups onto a fresh install. Velero skips objects that exist and runs the restore
 * hook only in pods it creates, so the PostgreSQL StatefulSet and its claim go first.
 */
public final class RestoreRunbook {
    private RestoreRunbook() {
    }

    public static final String RESTORE_NAME = "postgresql-restore";

    /** The Restore the runbook applies; ${BACKUP} and ${NS} are filled in by the shell. */
    public static Map<String, Object> restore() {
        return map("apiVersion", "velero.io/v1", "kind", "Restore",
                "metadata", map("name", RESTORE_NAME, "namespace", VeleroExtensionManifest.NAMESPACE),
                "spec", map("backupName", "${BACKUP}", "includedNamespaces", List.of("${NS}")));
    }

    public static String text(WizardInput in) {
        String selector = ShellQuote.quote(PostgresPodLabels.selector(in.chart(), in.family().chartName(), in.name()));
        return """
                # Restoring PostgreSQL from a Velero backup (Embedded Cluster v3)

                The release bundles Velero, which backs up the application's namespace on the schedule set on the
                config screen ("Backups"), into the bucket set there. To restore, on a new install or the same one:

                1. Install the same release version with the same "Backups" settings, so Velero sees the bucket.
                   Wait until it lists the backups (this can take a minute after install):

                   ```
                   kubectl -n velero get backups.velero.io
                   ```

                2. Pick the backup and find the application's namespace:

                   ```
                   BACKUP=<name from the list>
                   NS=$(kubectl get pods -A -l %1$s -o jsonpath='{.items[0].metadata.namespace}')
                   ```

                3. Remove the PostgreSQL StatefulSet and its volume claim. Velero does not overwrite objects that
                   exist, and runs the restore hook only in a pod it creates:

                   ```
                   %7$s
                   ```

                4. Restore, then watch until the phase is Completed:

                   ```
                   kubectl apply -f - <<EOF
                %2$s   EOF
                   kubectl -n velero get restore %3$s -o jsonpath='{.status.phase}'
                   ```

                5. The restore hook loads `%4$s` into the database `%5$s` with `%6$s`, in one transaction.
                   `kubectl -n velero describe restore %3$s` shows whether it ran; if it failed, nothing changed and the
                   dump stays in the pod for another try. Then let the installer reconcile the application as usual.
                """.formatted(selector, indent(ManifestYaml.dump(restore()), "   "), RESTORE_NAME,
                HookScripts.dumpPath(in), in.database(), in.dumpFormat().restoreTool(),
                in.family().ownWorkload() ? OwnStatefulSetTexts.removeWorkload(in)
                        : "kubectl -n \"$NS\" delete statefulset,pvc -l " + selector + " --wait");
    }

    private static String indent(String text, String prefix) {
        StringBuilder out = new StringBuilder();
        text.lines().forEach(l -> out.append(prefix).append(l).append('\n'));
        return out.toString();
    }
}
