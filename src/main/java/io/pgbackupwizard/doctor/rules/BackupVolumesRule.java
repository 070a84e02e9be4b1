package io.pgbackupwizard.doctor.rules;

import java.util.List;
import java.util.Optional;

import io.pgbackupwizard.chart.ChartFacts;
import io.pgbackupwizard.doctor.ClientCall;
import io.pgbackupwizard.doctor.Findings;
import io.pgbackupwizard.doctor.HookCommand;
import io.pgbackupwizard.doctor.Located;
import io.pgbackupwizard.doctor.Manifest;
import io.pgbackupwizard.doctor.Rule;
import io.pgbackupwizard.doctor.Severity;
import io.pgbackupwizard.doctor.ShellScript;
import io.pgbackupwizard.model.VeleroAnnotation;

/**
 * backup.velero.io/backup-volumes must name, comma-separated and without spaces (Velero does not trim), pod volumes
 * that exist; and the dump must be written inside the mount of such a volume, or it is not in the backup.
 */
public final class BackupVolumesRule implements Rule {

    @Override
    public String checks() {
        return "backup-volumes names existing pod volumes without spaces, and the dump is written inside one of them.";
    }

    @Override
    public List<String> findings() {
        return List.of("BACKUP_VOLUMES_SPACES", "BACKUP_VOLUME_NOT_FOUND", "DUMP_NOT_IN_VOLUME", "NO_BACKUP_VOLUMES");
    }

    static final String ANNOTATION = VeleroAnnotation.BACKUP_VOLUMES.key();

    @Override
    public void check(Manifest m, Findings out) {
        Located at = m.annotation(ANNOTATION);
        Optional<HookCommand> backup = HookCommand.of(m, HookCommand.BACKUP);
        if (!at.exists() || at.text().isEmpty()) {
            if (backup.isPresent()) {
                out.add("NO_BACKUP_VOLUMES", Severity.BREAKS_BACKUP, at,
                        "The pod has a pre-backup hook but no " + ANNOTATION + ": Velero backs up no pod volume, so the "
                                + "dump is written and then left out of the backup.",
                        ANNOTATION + ": <the scratch emptyDir's name>.");
            }
            return;
        }
        String value = at.text().get();
        String mountPath = null;
        for (String name : value.split(",", -1)) {
            if (!name.equals(name.strip()) || name.isEmpty()) {
                out.add("BACKUP_VOLUMES_SPACES", Severity.BREAKS_BACKUP, at,
                        ANNOTATION + " is '" + value + "': Velero splits it on ',' without trimming, so '" + name
                                + "' names no volume and that volume is not backed up.",
                        ANNOTATION + ": " + String.join(",", List.of(value.replace(" ", "").split(","))) + ".");
                continue;
            }
            Optional<ChartFacts> chart = m.facts().filter(ChartFacts::usesChartScratch);
            if (chart.isPresent() && name.equals(chart.get().scratchVolume())) {
                mountPath = chart.get().scratchMount(); // the chart's own emptyDir: it takes no extra volumes
                continue;
            }
            Located volume = m.volume(name);
            Optional<ChartFacts> noExtras = m.facts().filter(ChartFacts::usesChartScratch);
            if (noExtras.isPresent()) {
                out.add("BACKUP_VOLUME_NOT_FOUND", Severity.BREAKS_BACKUP, at,
                        ANNOTATION + " names '" + name + "', but " + m.family().title() + " takes no extra volumes"
                                + (volume.exists() ? " (its values have no extraVolumes: that list is ignored)" : "")
                                + ", so the pod has no such volume and its root filesystem is read-only: the dump cannot"
                                + " be written and nothing is backed up under that name.",
                        "Dump to the chart's own emptyDir: " + ANNOTATION + ": " + noExtras.get().scratchVolume()
                                + ", and pg_dump -f " + noExtras.get().scratchMount() + "/backup.dump.");
                continue;
            }
            if (!volume.exists()) {
                out.add("BACKUP_VOLUME_NOT_FOUND", Severity.BREAKS_BACKUP, at,
                        ANNOTATION + " names '" + name + "', but " + m.pod().get("extraVolumes").path()
                                + " defines no volume of that name: nothing is backed up under it.",
                        "Name the emptyDir the dump is written to, as in extraVolumes[].name.");
                continue;
            }
            Located mount = m.volumeMount(name);
            if (mount.exists())
                mountPath = mount.get("mountPath").text().orElse(null);
        }
        if (mountPath != null && backup.isPresent())
            checkDumpPath(backup.get(), mountPath, out);
    }

    private static void checkDumpPath(HookCommand hook, String mountPath, Findings out) {
        String prefix = mountPath.endsWith("/") ? mountPath : mountPath + "/";
        List<String> scriptEnv = HookCommands.assignments(hook);
        for (ShellScript.Command c : hook.commands()) {
            Optional<ClientCall> call = ClientCall.of(c, scriptEnv);
            if (call.isEmpty() || !call.get().tool().startsWith("pg_dump"))
                continue;
            Optional<String> file = call.get().outputFile();
            if (file.isEmpty()) {
                out.add("DUMP_NOT_IN_VOLUME", Severity.BREAKS_BACKUP, hook.at(),
                        "pg_dump writes to standard output (no -f, no redirection): Velero only logs it, and nothing "
                                + "lands in the backed-up volume.",
                        "Write the dump into the scratch volume: -f " + prefix + "backup.sql.");
            } else if (!file.get().startsWith(prefix) && !file.get().contains("$")) {
                out.add("DUMP_NOT_IN_VOLUME", Severity.BREAKS_BACKUP, hook.at(),
                        "pg_dump writes " + file.get() + ", outside the backed-up volume mounted at " + mountPath
                                + ": the dump is not in the backup (and from chart 15.0.0 the root filesystem is read-only).",
                        "Write the dump under " + prefix + ".");
            }
        }
    }
}
