package io.pgbackupwizard.generate.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.pgbackupwizard.chart.ChartFacts;
import io.pgbackupwizard.generate.helm.HelmCliValues;
import io.pgbackupwizard.generate.hooks.HookScripts;
import io.pgbackupwizard.generate.hooks.Hooks;
import io.pgbackupwizard.generate.hooks.PodValues;
import io.pgbackupwizard.model.DumpFormat;
import io.pgbackupwizard.model.InstallPath;
import io.pgbackupwizard.model.OnError;
import io.pgbackupwizard.model.ScratchMedium;
import io.pgbackupwizard.model.VeleroAnnotation;
import io.pgbackupwizard.model.WizardInput;

/**
 * "What each part does": one entry per part of the main file, made from the same decisions as the file. The pod
 * annotations are explained by walking the very map the generator writes, so an annotation is explained exactly when
 * it is written, with the value it has; the dump, its file and its restore tool come from {@link DumpFormat}.
 */
public final class Explanation {
    private Explanation() {
    }

    /** A term as it appears in the file (a key, or key: value), what it does, and the parts below it. */
    public record Part(String term, String text, List<Part> parts) {
        public Part(String term, String text) {
            this(term, text, List.of());
        }
    }

    /** Annotation values shown beside their key; the two commands are shown in full above as scripts. */
    static boolean showsValue(VeleroAnnotation a) {
        return !a.key().endsWith("/command");
    }

    public static List<Part> of(WizardInput in, Hooks hooks) {
        if (in.family().backsItselfUp())
            return CloudNativePgTexts.explanation(in);
        if (in.family().ownWorkload())
            return OwnStatefulSetTexts.explanation(in, hooks);
        ChartFacts gen = in.chart();
        // The HelmChart's annotations when a Replicated installer is among the paths, else the Helm CLI values'.
        boolean helm = !InstallPath.anyReplicated(in.installPaths());
        String values = helm ? HelmCliValues.dependency(in) + "." : "values.";
        Map<String, Object> written = helm ? HelmCliValues.podAnnotations(in, hooks) : PodValues.annotations(in, hooks);
        List<Part> parts = new ArrayList<>();
        if (!helm && in.allowExternal()) {
            parts.add(new Part("spec.exclude", "When the customer picks " + in.externalValue() + " for " + in.typeOption()
                    + " on the config screen, KOTS does not install the chart: they bring their own PostgreSQL (and back it up themselves)."));
        }
        List<Part> annotations = new ArrayList<>();
        written.forEach((key, value) -> {
            VeleroAnnotation a = VeleroAnnotation.byKey(key)
                    .orElseThrow(() -> new IllegalStateException("not a Velero annotation: " + key));
            annotations.add(new Part(showsValue(a) ? key + ": " + value : key, meaning(a, in)));
        });
        String pod = gen.podKey().isEmpty() ? values : values + gen.podKey() + ".";
        parts.add(new Part(pod + "podAnnotations", "Annotations on the PostgreSQL pod template ("
                + (gen.podKey().isEmpty() ? in.family().title() + " reads the pod's keys at the top of its values"
                        : "charts " + in.family().versionsWhere(f -> f.podKey().equals(gen.podKey())) + " call the pod "
                                + gen.podKey())
                + "), which Velero reads:", annotations));
        if (gen.usesChartScratch()) {
            parts.add(new Part(pod + "podAnnotations: " + gen.scratchVolume(), "No extra volume: " + in.family().title()
                    + " takes none, so the dump goes to the chart's own emptyDir " + gen.scratchVolume() + ", mounted at "
                    + in.mountPath() + " (its root filesystem is read-only). The chart sets no sizeLimit on it: the dump"
                    + " counts against the node's ephemeral storage, and a limit on the container's ephemeral-storage"
                    + " (resources) is the only bound."));
        } else
            parts.add(new Part(pod + "extraVolumes and extraVolumeMounts", "An emptyDir named "
                    + PodValues.VOLUME + ", mounted at " + in.mountPath() + ": no PVC, no storage class. "
                    + (in.scratchMedium() == ScratchMedium.Memory
                            ? "It lives in memory (tmpfs), so the dump counts against the container's memory limit: keep sizeLimit: "
                                    + in.scratchSize() + " below it."
                            : "It lives on the node's ephemeral disk (no medium), up to sizeLimit: " + in.scratchSize()
                                    + "; past that the kubelet evicts the pod.")));
        String credentials = helm
                ? values + String.join(".", HelmCliValues.ownCredentialsPath(gen))
                : values + String.join(".", gen.credentialsPath());
        String superuser = gen.userIsSuperuser() ? " The image makes that user the superuser." : "";
        parts.add(new Part(credentials, helm
                ? "The user and database the chart creates." + superuser
                        + " No password is written: the chart generates one and keeps it in"
                        + " its Secret. Inside the container the hooks read it from " + passwordSource(in) + "."
                : "The user and database the chart creates." + superuser
                        + " The password is only a KOTS template, repl{{ ConfigOption \""
                        + in.passwordOption() + "\" }}, filled in at install time; it never appears in the manifest or the"
                        + " hook scripts. Inside the container the hooks read it from " + passwordSource(in) + "."));
        if (!helm) {
            parts.add(new Part("spec.builder", "The image values again, static (builder takes no templates): KOTS renders"
                    + " the chart with them to find the images an air-gap bundle must carry."));
        }
        return parts;
    }

    private static String passwordSource(WizardInput in) {
        String var = HookScripts.passwordVariable(in);
        return "$" + var + ", or the file $" + var + "_FILE names"
                + (in.chart().passwordFilesByDefault()
                        ? " (charts " + in.family().versionsWhere(ChartFacts::passwordFilesByDefault)
                                + " mount password files by default and set no $" + var + ")"
                        : in.chart().passwordFilesFlag().isEmpty() ? " (the image's own variant, if your values set it)"
                                : " (when password files are turned on)");
    }

    /** What this annotation does with the value the generator wrote; every key has a case (a new one fails to compile). */
    static String meaning(VeleroAnnotation key, WizardInput in) {
        DumpFormat format = in.dumpFormat();
        String dump = in.mountPath() + "/" + format.fileName();
        return switch (key) {
            case BACKUP_VOLUMES -> "The only volume Velero copies with its file-system backup. The data"
                    + " volume is left out on purpose: a copy of live database files is not a consistent backup.";
            case BACKUP_VOLUMES_EXCLUDES -> "For a Velero that copies every volume unless told otherwise"
                    + " (defaultVolumesToFsBackup), which ignores the line above: these volumes are left out, so again only"
                    + " the dump is copied.";
            case PRE_BACKUP_CONTAINER, RESTORE_CONTAINER, POST_BACKUP_CONTAINER -> "The container the hook"
                    + " runs in, PostgreSQL's, named so an injected sidecar (a mesh proxy) that comes first never gets it.";
            case PRE_BACKUP_COMMAND -> "Runs pg_dump as " + HookScripts.hookRole(in) + " into " + dump
                    + " before the volume is copied: " + format.description() + ". A failure stops the script"
                    + " (set -euo pipefail) and leaves no " + format.fileName() + " behind; a dump still running from an"
                    + " earlier, timed-out backup makes this one fail at once instead of racing it.";
            case PRE_BACKUP_TIMEOUT -> "The longest Velero lets the dump run (its default is 30s).";
            case PRE_BACKUP_ON_ERROR -> in.onError() == OnError.Fail
                    ? "A failed dump skips the pod's volumes and marks the backup PartiallyFailed. Written because Velero"
                            + " treats an annotation hook without it like Continue."
                    : "A failed dump is logged and the volumes are copied anyway (without a fresh dump).";
            case RESTORE_COMMAND -> "After a restore, waits for the final PostgreSQL server (the"
                    + " image's first boot runs a temporary one first), loads " + dump + " with " + format.restoreTool()
                    + " in one transaction, then deletes the file. Objects in the dump replace those of the same name;"
                    + " anything else in the database is left alone. If the load fails nothing is changed and the dump stays.";
            case RESTORE_ON_ERROR -> in.restoreOnError() == OnError.Fail
                    ? "A failed load stops the restore."
                    : "A failed load is logged and the restore goes on; it ends PartiallyFailed (Velero 1.14 and later).";
            case RESTORE_WAIT_FOR_READY -> "Velero starts the hook only once the container is Ready"
                    + " (Velero 1.13 and later). The script still waits for the final server: readiness can pass on the"
                    + " temporary one.";
            case RESTORE_WAIT_TIMEOUT -> "How long Velero waits for the container before giving up on the hook.";
            case RESTORE_EXEC_TIMEOUT -> "How long the load may run (Velero's default, 30s, is too"
                    + " short for most databases).";
            // Not written by the wizard: explained by their meaning alone.
            case POST_BACKUP_COMMAND, POST_BACKUP_TIMEOUT, POST_BACKUP_ON_ERROR, INIT_CONTAINER_IMAGE, INIT_CONTAINER_NAME,
                    INIT_COMMAND, INIT_TIMEOUT ->
                key.meaning() + " (when absent: " + key.whenAbsent() + ").";
        };
    }
}
