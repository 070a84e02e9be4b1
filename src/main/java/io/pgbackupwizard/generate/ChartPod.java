package io.pgbackupwizard.generate;

import io.pgbackupwizard.model.ChartVersion;
import io.pgbackupwizard.model.WizardInput;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the chart gives the PostgreSQL pod's parts, per chart generation (read from the rendered charts):
 * the container Velero must exec in, and the pod's volumes other than the scratch volume.
 */
public final class ChartPod {
    private ChartPod() {}

    /** The container name the chart gives PostgreSQL: the fullname up to 10.x, "postgresql" from 11.0.0. */
    public static String containerName(WizardInput in) {
        if (in.chartVersion().major() >= 11) return "postgresql";
        // fullname: the release name when it already contains "postgresql", else <release>-postgresql (63 max)
        String release = in.name();
        String full = release.contains("postgresql") ? release : release + "-postgresql";
        if (full.length() > 63) full = full.substring(0, 63);
        return full.replaceAll("-+$", "");
    }

    /**
     * The pod's volumes a Velero in opt-out mode (defaultVolumesToFsBackup) must skip: the data claim, the
     * /dev/shm tmpfs, the chart's empty-dir (14.x on) and the password-file Secret (16.6.0 on).
     */
    public static List<String> otherVolumes(WizardInput in) {
        ChartVersion v = in.chartVersion();
        List<String> names = new ArrayList<>(List.of("data", "dshm"));
        if (v.major() >= 14) names.add("empty-dir");
        if (v.major() > 16 || (v.major() == 16 && v.minor() >= 6)) names.add("postgresql-password");
        return names;
    }
}
