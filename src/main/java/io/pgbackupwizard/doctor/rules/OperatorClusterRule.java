package io.pgbackupwizard.doctor.rules;

import java.util.ArrayList;
import java.util.List;

import io.pgbackupwizard.doctor.Findings;
import io.pgbackupwizard.doctor.Located;
import io.pgbackupwizard.doctor.Manifest;
import io.pgbackupwizard.doctor.Rule;
import io.pgbackupwizard.doctor.Severity;

/**
 * A CloudNativePG cluster chart is not a chart the hooks are for: the operator owns the pods, Velero's restore strips
 * their ownerReferences (velero pkg/restore/restore.go), so restored pods are orphans the operator never adopts again
 * (cloudnative-pg#5912); annotations it passes on reach every instance, so the dump runs once per instance and a restore
 * meets read-only replicas; and the Cluster takes no extra volume for a scratch. CNPG backs itself up (the Barman
 * Cloud plugin's WAL archive and base backups, ScheduledBackup, bootstrap.recovery). Only this rule runs on such a file.
 */
public final class OperatorClusterRule implements Rule {

    @Override
    public String checks() {
        return "A CloudNativePG cluster chart carries no Velero hooks and gets its backups from the operator (Barman Cloud).";
    }

    @Override
    public List<String> findings() {
        return List.of("HOOKS_ON_OPERATOR_CLUSTER", "OPERATOR_CLUSTER");
    }

    static final String WHY = "the operator owns the pods: a Velero restore strips their ownerReferences, so the restored"
            + " pods are orphans CloudNativePG never adopts again; inherited annotations reach every instance (the dump"
            + " runs once per instance, a restore meets read-only replicas); and the Cluster takes no extra volume for"
            + " a scratch";

    static final String FIX = "Back the Cluster up with CloudNativePG itself: the Barman Cloud plugin (backups.method:"
            + " plugin, pluginConfiguration.name: barman-cloud.cloudnative-pg.io, an object store, scheduledBackups) and"
            + " bootstrap.recovery to restore; keep Velero to the manifests.";

    @Override
    public void check(Manifest m, Findings out) {
        if (!m.operatorCluster())
            return;
        List<Located> hooks = new ArrayList<>();
        m.values().forEachKey(k -> k.text().filter(t -> t.contains(".hook.") && t.contains("velero.io/")).isPresent(),
                hooks::add);
        if (hooks.isEmpty()) {
            out.add("OPERATOR_CLUSTER", Severity.WARNING, m.spec().at("chart", "name"),
                    "This installs a CloudNativePG Cluster (the cluster chart): the wizard's hook checks do not apply, since "
                            + WHY + ".",
                    FIX);
            return;
        }
        out.add("HOOKS_ON_OPERATOR_CLUSTER", Severity.BREAKS_RESTORE, hooks.get(0),
                "Velero hooks on a CloudNativePG Cluster: " + WHY + ".", FIX);
    }
}
