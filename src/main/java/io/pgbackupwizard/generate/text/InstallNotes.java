package io.pgbackupwizard.generate.text;

import java.util.ArrayList;
import java.util.List;

import io.pgbackupwizard.chart.ChartFacts;
import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.generate.helm.HelmCliValues;
import io.pgbackupwizard.generate.kots.ImageValues;
import io.pgbackupwizard.generate.kots.SnapshotLabels;
import io.pgbackupwizard.model.ApiVersion;
import io.pgbackupwizard.model.ImageSource;
import io.pgbackupwizard.model.InstallPath;
import io.pgbackupwizard.model.ScratchMedium;
import io.pgbackupwizard.model.WizardInput;

/** What a vendor must know to install the release in 2026: warnings about the input, and where the chart comes from. */
public final class InstallNotes {
    private InstallNotes() {
    }

    static final String ARCHIVE_INDEX = "https://raw.githubusercontent.com/bitnami/charts/archive-full-index/bitnami/index.yaml";

    public static List<String> warnings(WizardInput in) {
        List<String> w = new ArrayList<>();
        if (in.family().newerThanKnown(in.chartVersion())) {
            w.add("Chart " + in.chartVersion() + " is newer than the newest " + in.family().title() + " chart this wizard"
                    + " knows (" + in.family().newestKnown() + "): the files assume it kept " + in.family().newestKnown()
                    + "'s values keys, container name and image. Compare with helm show values before you ship.");
        }
        if (in.family().ownWorkload()) {
            if (in.scratchMedium() == ScratchMedium.Memory)
                w.add(memoryScratch(in));
            return List.copyOf(w);
        }
        if (in.family().backsItselfUp()) {
            if (in.apiVersion() == ApiVersion.V1BETA1)
                w.add("kots.io/v1beta1 is deprecated, and Embedded Cluster v3 installs only kots.io/v1beta2.");
            return List.copyOf(w);
        }
        ImageSource image = in.image();
        if (!image.freeImageExists() && !image.relocated()) {
            w.add("No free image exists for chart " + in.chartVersion() + ": it names a Debian 10 tag of "
                    + image.chart().imageRegistry() + "/" + image.chart().imageRepository()
                    + " that Bitnami removed in 2025 and"
                    + " did not copy to docker.io/bitnamilegacy, so the pod would never pull its image (and PostgreSQL 11"
                    + " is end-of-life). Mirror that exact image into your own registry and set imageRegistry and"
                    + " imageRepository to it, or use chart " + ChartFamily.BITNAMI.versionsWhere(ChartFacts::freeImageExists)
                    + " (" + ChartFamily.BITNAMI.knownVersions().get(0) + " is the newest).");
        }
        if (image.chartsOwnTagMoved() && !image.relocated()) {
            w.add("docker.io/bitnami/postgresql no longer serves the versioned tag chart " + in.chartVersion() + " names"
                    + " (Bitnami moved them to docker.io/bitnamilegacy on 2025-08-28): the pod would not pull its image."
                    + " Leave imageRepository empty for bitnamilegacy/postgresql, or use your own mirror.");
        }
        if (image.repository().startsWith("bitnamilegacy/")) {
            w.add("docker.io/bitnamilegacy images are frozen: they get no more updates or CVE fixes. For production,"
                    + " mirror the image into a registry you control (imageRegistry, imageRepository) or use a Bitnami"
                    + " Secure Images subscription.");
        }
        if (in.apiVersion() == ApiVersion.V1BETA1) {
            w.add("kots.io/v1beta1 is deprecated; the HelmChart sets useHelmInstall: true so a later move to"
                    + " kots.io/v1beta2 stays possible.");
        } else {
            String unlabelled = SnapshotLabels.podUnlabelledWarning(in);
            if (unlabelled != null)
                w.add(unlabelled);
            String others = SnapshotLabels.othersUnlabelledWarning(in);
            if (others != null && unlabelled == null)
                w.add(others);
        }
        if (in.chart().usesChartScratch()) {
            w.add(in.family().title() + " takes no extra volumes: the dump goes to its own emptyDir "
                    + in.chart().scratchVolume() + " at " + in.mountPath() + ", which has no sizeLimit (scratchSize,"
                    + " scratchMedium and mountPath do nothing here). Set resources.limits.ephemeral-storage in your"
                    + " values to bound it; past that limit the kubelet evicts the pod.");
        } else if (in.scratchMedium() == ScratchMedium.Memory) {
            w.add(memoryScratch(in));
        }
        String sidecars = ImageValues.sidecarNote(image);
        if (sidecars != null)
            w.add(sidecars);
        w.addAll(severalPaths(in));
        return List.copyOf(w);
    }

    private static String memoryScratch(WizardInput in) {
        return "A Memory scratch volume keeps the last dump in RAM until the next backup, and counts against the"
                + " container's memory limit"
                + (in.resources() != null ? " (" + in.resources().memory().text() + " here)" : "")
                + ". Disk is the safer choice unless dumps are small.";
    }

    /** What a release that serves several install paths must know about how their files meet. */
    static List<String> severalPaths(WizardInput in) {
        List<String> w = new ArrayList<>();
        boolean snapshots = in.serves(InstallPath.KOTS) || in.serves(InstallPath.KURL);
        if (snapshots && in.serves(InstallPath.EMBEDDED_V2)) {
            w.add("One Backup serves KOTS snapshots and Embedded Cluster v2 disaster recovery: Embedded Cluster's (the"
                    + " app's namespaces, the admin console left out with a labelSelector, not the orLabelSelectors of"
                    + " Replicated's docs, which a KOTS partial snapshot's own labelSelector would clash with). The Restore"
                    + " is never deployed on KOTS or kURL. Take a KOTS snapshot and an Embedded Cluster restore before you ship.");
        }
        if (in.serves(InstallPath.EMBEDDED_V3) && (snapshots || in.serves(InstallPath.EMBEDDED_V2))) {
            w.add("Embedded Cluster v3 ignores the release's Backup"
                    + (in.serves(InstallPath.EMBEDDED_V2) ? " and Restore" : "")
                    + " (it has no Replicated disaster recovery): its backups come from the Velero extension in"
                    + " embedded-cluster-config.yaml and the storage options of the Backups group in config.yaml.");
        }
        if (in.serves(InstallPath.HELM) && InstallPath.anyReplicated(in.installPaths())) {
            w.add("Two charts get the hooks: the HelmChart installs the " + in.family().chartName() + " chart itself,"
                    + " while backup-values.yaml goes into your own chart's values.yaml (PostgreSQL as its dependency "
                    + dependencyNamed(in) + "), the chart Helm CLI customers install.");
        }
        return w;
    }

    public static String chartSource(WizardInput in) {
        String v = in.chartVersion().text();
        String archive = in.family().chartName() + "-" + v + ".tgz";
        return "Put the chart archive " + archive + " in the KOTS release, next to the HelmChart: helm pull "
                + in.family().chartRepository() + " --version " + v + "."
                + (in.family() == ChartFamily.BITNAMI
                        ? " Versions the OCI registry does not serve (old ones such as 8.7.4) are listed, with their"
                                + " download URL, in the archive-full-index branch of bitnami/charts: " + ARCHIVE_INDEX
                                + " (look for " + archive + ")."
                        : "");
    }

    /**
     * How the vendor's chart must name its PostgreSQL dependency for the Helm CLI values: Bitnami's chart is called
     * postgresql; any other needs the alias, which also renames its container.
     */
    public static String dependencyNamed(WizardInput in) {
        String named = HelmCliValues.dependency(in);
        return in.family().chartName().equals(named) ? "named " + named
                : in.family().chartName() + " under the alias " + named;
    }
}
