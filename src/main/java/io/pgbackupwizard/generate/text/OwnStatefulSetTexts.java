package io.pgbackupwizard.generate.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.pgbackupwizard.generate.hooks.HookScripts;
import io.pgbackupwizard.generate.hooks.Hooks;
import io.pgbackupwizard.generate.hooks.PodValues;
import io.pgbackupwizard.generate.text.Explanation.Part;
import io.pgbackupwizard.generate.text.NextSteps.Step;
import io.pgbackupwizard.model.InstallPath;
import io.pgbackupwizard.model.ScratchMedium;
import io.pgbackupwizard.model.VeleroAnnotation;
import io.pgbackupwizard.model.WizardInput;

/**
 * What a release for your own StatefulSet says: no chart, so no HelmChart or values; the patch for the pod template,
 * and what the hooks take from the container's environment (the official image's variables). The names in it (the
 * patch's file, the container, the volumes, the labels) come from the same input as the patch.
 */
public final class OwnStatefulSetTexts {
    private OwnStatefulSetTexts() {
    }

    public static String patchFile(WizardInput in) {
        return in.name() + "-statefulset-patch.yaml";
    }

    public static String choice(InstallPath path) {
        return switch (path) {
            case KOTS, KURL -> "For customers who install with KOTS" + (path == InstallPath.KURL ? " on kURL" : "")
                    + ": KOTS snapshots use the Backup in the release and the hooks the patch adds to your StatefulSet.";
            case EMBEDDED_V2 -> "For Embedded Cluster v2 installs with disaster recovery: the Backup and Restore pair, and "
                    + "the hooks the patch adds to your StatefulSet.";
            case EMBEDDED_V3 -> "For Embedded Cluster v3 installs: the bundled Velero, with its storage settings and "
                    + "schedule, and the hooks the patch adds to your StatefulSet.";
            case HELM -> "For customers who run helm install themselves: your chart carries the hooks the patch adds, for "
                    + "whatever Velero the customer runs.";
        };
    }

    public static List<String> notes(InstallPath path) {
        // no HelmChart, so no air-gap rewrite or API version to speak of; the patch carries what the values would
        return path.notes().stream().filter(n -> !n.startsWith("Air gap") && !n.startsWith("Embedded Cluster v3 is Beta"))
                .map(n -> n.replace("The values work", "The patch works")).toList();
    }

    public static String summary(InstallPath path, WizardInput in) {
        return "Merge the patch into your StatefulSet's template"
                + switch (path) {
                    case KOTS, KURL -> ", add backup.yaml to the release, and take a snapshot from the admin console.";
                    case EMBEDDED_V2 -> ", add backup.yaml and restore.yaml to the release, and test a backup and a "
                            + "restore on a spare VM.";
                    case EMBEDDED_V3 -> ", add the Embedded Cluster Config, the Velero chart archive and config.yaml to "
                            + "the release, and follow the restore runbook once on a spare VM.";
                    case HELM -> ", ship the README text with your chart, and test a backup and a restore.";
                };
    }

    /** The steps before the install paths' common ones. */
    public static List<Step> steps(WizardInput in) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("Patch your StatefulSet",
                patchFile(in) + " is a strategic-merge patch of the StatefulSet " + in.name() + ": apply it with "
                        + "kustomize, or paste its pieces into your chart's template: the annotations and labels under "
                        + "spec.template.metadata, the volume " + PodValues.VOLUME + " under spec.template.spec.volumes, "
                        + "and its mount into the volumeMounts of the container " + in.containerName() + ".",
                List.of("kubectl patch statefulset " + in.name() + " --type strategic --patch-file " + patchFile(in))));
        steps.add(new Step("Match the hooks to the container",
                "The hooks log in as " + in.username() + " to the database " + in.database() + " (your POSTGRES_USER "
                        + "and POSTGRES_DB: postgres when unset, so set username and database to match), with the "
                        + "password of $POSTGRES_PASSWORD or the file $POSTGRES_PASSWORD_FILE names, on $PGPORT or 5432. "
                        + "Velero leaves the volume " + in.dataVolume() + " alone; add any other volume that holds "
                        + "data to " + VeleroAnnotation.BACKUP_VOLUMES_EXCLUDES.key() + ".",
                List.of()));
        if (InstallPath.anyReplicated(in.installPaths())) {
            steps.add(new Step("Label the pod for KOTS snapshots",
                    "With a kots.io/v1beta2 HelmChart KOTS labels nothing: your HelmChart's values must put "
                            + "kots.io/backup: velero and kots.io/app-slug: repl{{ LicenseFieldValue \"appSlug\" }} on "
                            + "this pod template (v1beta1 adds them itself).",
                    List.of()));
        }
        return steps;
    }

    /** "What each part does" for the patch. */
    public static List<Part> explanation(WizardInput in, Hooks hooks) {
        String template = "spec.template.";
        List<Part> annotations = new ArrayList<>();
        for (Map.Entry<String, Object> e : PodValues.annotations(in, hooks, in.containerName()).entrySet()) {
            VeleroAnnotation a = VeleroAnnotation.byKey(e.getKey()).orElseThrow();
            annotations.add(new Part(Explanation.showsValue(a) ? e.getKey() + ": " + e.getValue() : e.getKey(),
                    Explanation.meaning(a, in)));
        }
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(template + "metadata.annotations", "Annotations on your PostgreSQL pod template, which "
                + "Velero reads:", annotations));
        parts.add(new Part(template + "metadata.labels", "Two labels the restore runbook and the Velero Schedule "
                + "select the pod by; your selector is left as it is."));
        parts.add(new Part(template + "spec.volumes", "An emptyDir named " + PodValues.VOLUME + ", mounted at "
                + in.mountPath() + " in the container " + in.containerName() + ": "
                + (in.scratchMedium() == ScratchMedium.Memory ? "in memory (tmpfs), counted against the memory limit"
                        : "on the node's ephemeral disk")
                + ", up to sizeLimit: " + in.scratchSize() + ". The dump is " + HookScripts.dumpPath(in) + "."));
        return parts;
    }

    /** Embedded Cluster v3's runbook, step 3: the StatefulSet and the claim of its data volume, by name. */
    public static String removeWorkload(WizardInput in) {
        return "kubectl -n \"$NS\" delete statefulset " + in.name() + " --wait && kubectl -n \"$NS\" delete pvc "
                + in.dataVolume() + "-" + in.name() + "-0 --wait";
    }
}
