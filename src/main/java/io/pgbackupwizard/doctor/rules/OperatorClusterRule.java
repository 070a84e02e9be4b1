package io.pgbackupwizard.doctor.rules;

import java.util.ArrayList;
import java.util.List;

import io.pgbackupwizard.doctor.Findings;
import io.pgbackupwizard.doctor.Located;
import io.pgbackupwizard.doctor.Manifest;
import io.pgbackupwizard.doctor.Rule;
import io.pgbackupwizard.doctor.Severity;
import io.pgbackupwizard.generate.cnpg.CnpgNames;

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
        return "A CloudNativePG cluster chart carries no Velero hooks, gets its backups from the operator (the Barman Cloud"
                + " plugin) and is labelled out of Velero's backups.";
    }

    @Override
    public List<String> findings() {
        return List.of("HOOKS_ON_OPERATOR_CLUSTER", "OPERATOR_CLUSTER_NOT_BACKED_UP", "OPERATOR_CLUSTER_IN_VELERO");
    }

    static final String WHY = "the operator owns the pods: a Velero restore strips their ownerReferences, so the restored"
            + " pods are orphans CloudNativePG never adopts again; inherited annotations reach every instance (the dump"
            + " runs once per instance, a restore meets read-only replicas); and the Cluster takes no extra volume for"
            + " a scratch";

    static final String FIX = "Back the Cluster up with CloudNativePG itself: the Barman Cloud plugin (backups.method:"
            + " plugin, pluginConfiguration.name: barman-cloud.cloudnative-pg.io, an object store, scheduledBackups) and"
            + " bootstrap.recovery to restore; keep Velero to the manifests. The wizard writes it: chartFamily=cloudnativepg.";

    /** The label Velero leaves out of every backup, as the wizard writes it. */
    static final String EXCLUDE_LABEL = CnpgNames.EXCLUDE_LABEL;

    @Override
    public void check(Manifest m, Findings out) {
        if (!m.operatorCluster())
            return;
        List<Located> hooks = new ArrayList<>();
        m.values().forEachKey(k -> k.text().filter(t -> t.contains(".hook.") && t.contains("velero.io/")).isPresent(),
                hooks::add);
        if (!hooks.isEmpty()) {
            out.add("HOOKS_ON_OPERATOR_CLUSTER", Severity.BREAKS_RESTORE, hooks.get(0),
                    "Velero hooks on a CloudNativePG Cluster: " + WHY + ".", FIX);
            return;
        }
        Located backups = m.values().get("backups");
        if (!backups.get("enabled").isTrue()) {
            out.add("OPERATOR_CLUSTER_NOT_BACKED_UP", Severity.WARNING, m.spec().at("chart", "name"),
                    "This CloudNativePG Cluster has no backups (backups.enabled is not true), and Velero hooks are no"
                            + " way to add them: " + WHY + ".",
                    FIX);
        } else if (!backups.get("method").text().filter("plugin"::equals).isPresent()) {
            out.add("OPERATOR_CLUSTER_NOT_BACKED_UP", Severity.WARNING, backups,
                    "The Cluster backs up with the in-tree barmanObjectStore (the chart's default method), which"
                            + " CloudNativePG 1.31 removes.",
                    FIX);
        }
        Located label = m.values().at("cluster", "additionalLabels", EXCLUDE_LABEL);
        if (!label.text().filter("true"::equals).isPresent()) {
            out.add("OPERATOR_CLUSTER_IN_VELERO", Severity.WARNING, m.spec().at("chart", "name"),
                    "Nothing keeps this Cluster out of Velero's backups (KOTS snapshots): they copy its live data"
                            + " volumes, which is not a backup, and a restore brings back the Cluster without them, so the"
                            + " operator makes it again with initdb: an empty database.",
                    "Set cluster.additionalLabels: {" + EXCLUDE_LABEL + ": \"true\"} and give the CloudNativePG"
                            + " operator INHERITED_LABELS: " + EXCLUDE_LABEL + " (config.data in its chart's values), so"
                            + " its pods and volumes carry it too.");
        }
    }
}
