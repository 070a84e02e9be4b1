package io.pgbackupwizard.generate.text;

import java.util.ArrayList;
import java.util.List;

import io.pgbackupwizard.chart.ChartFacts;
import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.generate.kots.ImageValues;
import io.pgbackupwizard.generate.kots.SnapshotLabels;
import io.pgbackupwizard.model.ApiVersion;
import io.pgbackupwizard.model.ImageSource;
import io.pgbackupwizard.model.ScratchMedium;
import io.pgbackupwizard.model.WizardInput;

/** What a vendor must know to install the release in 2026: warnings about the input, and where the chart comes from. */
public final class InstallNotes {
    private InstallNotes() {
    }

    static final String OCI_CHARTS = "oci://registry-1.docker.io/bitnamicharts/postgresql";
    static final String ARCHIVE_INDEX = "https://raw.githubusercontent.com/bitnami/charts/archive-full-index/bitnami/index.yaml";

    public static List<String> warnings(WizardInput in) {
        List<String> w = new ArrayList<>();
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
        if (image.freeImageExists() && !image.relocated()) {
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
        }
        if (in.scratchMedium() == ScratchMedium.Memory) {
            w.add("A Memory scratch volume keeps the last dump in RAM until the next backup, and counts against the"
                    + " container's memory limit"
                    + (in.resources() != null ? " (" + in.resources().memory().text() + " here)" : "")
                    + ". Disk is the safer choice unless dumps are small.");
        }
        String sidecars = ImageValues.sidecarNote(image);
        if (sidecars != null)
            w.add(sidecars);
        return List.copyOf(w);
    }

    public static String chartSource(WizardInput in) {
        String v = in.chartVersion().text();
        return "Put the chart archive postgresql-" + v + ".tgz in the KOTS release, next to the HelmChart: helm pull "
                + OCI_CHARTS + " --version " + v + ". Versions the OCI registry does not serve (old ones such as 8.7.4) are"
                + " listed, with their download URL, in the archive-full-index branch of bitnami/charts: " + ARCHIVE_INDEX
                + " (look for postgresql-" + v + ".tgz).";
    }
}
