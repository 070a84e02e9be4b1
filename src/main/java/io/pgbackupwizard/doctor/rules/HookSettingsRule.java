package io.pgbackupwizard.doctor.rules;

import java.util.List;
import java.util.Optional;

import io.pgbackupwizard.chart.ChartFacts;
import io.pgbackupwizard.doctor.Findings;
import io.pgbackupwizard.doctor.HookCommand;
import io.pgbackupwizard.doctor.Located;
import io.pgbackupwizard.doctor.Manifest;
import io.pgbackupwizard.doctor.Rule;
import io.pgbackupwizard.doctor.Severity;
import io.pgbackupwizard.model.VeleroAnnotation;

/**
 * What a hook needs besides its command: an explicit on-error (Velero does not apply its documented Fail default to
 * annotation hooks), the container it runs in (a mesh proxy can be injected first), and for the restore hook
 * wait-for-ready (it otherwise runs while the image's first-boot temporary server is up).
 */
public final class HookSettingsRule implements Rule {

    @Override
    public String checks() {
        return "Both hooks exist, name their container, set on-error explicitly, and the restore waits for readiness.";
    }

    @Override
    public List<String> findings() {
        return List.of("BAD_ON_ERROR", "NO_BACKUP_HOOK", "NO_HOOK_CONTAINER", "NO_ON_ERROR", "NO_RESTORE_HOOK",
                "NO_WAIT_FOR_READY", "WRONG_HOOK_CONTAINER");
    }

    @Override
    public void check(Manifest m, Findings out) {
        Optional<HookCommand> backup = HookCommand.of(m, HookCommand.BACKUP);
        Optional<HookCommand> restore = HookCommand.of(m, HookCommand.RESTORE);
        if (backup.isEmpty()) {
            out.add("NO_BACKUP_HOOK", Severity.BREAKS_BACKUP, m.annotation(HookCommand.BACKUP),
                    "The PostgreSQL pod has no " + HookCommand.BACKUP + ": nothing dumps the database before Velero backs "
                            + "up the pod, so the backup holds no consistent copy of the data.",
                    HookCommand.BACKUP + ": '[\"/bin/bash\", \"-c\", \"<pg_dump into the scratch volume>\"]'.");
        } else {
            Located onError = m.annotation(VeleroAnnotation.PRE_BACKUP_ON_ERROR.key());
            if (!onError.exists()) {
                out.add("NO_ON_ERROR", Severity.BREAKS_BACKUP, m.annotations(),
                        VeleroAnnotation.PRE_BACKUP_ON_ERROR.key()
                                + " is not written. Velero documents Fail as the default, but for "
                                + "annotation hooks it applies it to a copy (since 1.9.0): a failed pg_dump does not stop the "
                                + "pod's backup, which then carries a stale or partial dump and is only marked PartiallyFailed.",
                        "Write " + VeleroAnnotation.PRE_BACKUP_ON_ERROR.key() + ": Fail.");
            } else if (!onError.text().map(v -> v.equals("Fail") || v.equals("Continue")).orElse(false)) {
                out.add("BAD_ON_ERROR", Severity.WARNING, onError,
                        "on-error is '" + onError.text().orElse("") + "'; Velero knows Fail and Continue (case-sensitive).",
                        "Write Fail or Continue.");
            }
            checkContainer(m, VeleroAnnotation.PRE_BACKUP_CONTAINER.key(), Severity.BREAKS_BACKUP, out);
        }
        if (restore.isEmpty()) {
            if (backup.isPresent()) {
                out.add("NO_RESTORE_HOOK", Severity.WARNING, m.annotation(HookCommand.RESTORE),
                        "No " + HookCommand.RESTORE + ": after a restore the dump is back in the scratch volume but nothing "
                                + "loads it; someone has to run psql by hand.",
                        HookCommand.RESTORE + " running psql -v ON_ERROR_STOP=1 --single-transaction on the dump.");
            }
            return;
        }
        checkContainer(m, VeleroAnnotation.RESTORE_CONTAINER.key(), Severity.BREAKS_RESTORE, out);
        Located ready = m.annotation(VeleroAnnotation.RESTORE_WAIT_FOR_READY.key());
        if (!ready.text().map(v -> v.equals("true")).orElse(false)) {
            out.add("NO_WAIT_FOR_READY", Severity.BREAKS_RESTORE, ready.exists() ? ready : m.annotations(),
                    VeleroAnnotation.RESTORE_WAIT_FOR_READY.key() + " is not \"true\": Velero runs the restore hook as soon as "
                            + "the container is Running, while the image's first-boot temporary server (localhost only) is "
                            + "still creating the user and database, so psql fails or is cut off by its shutdown.",
                    "Write " + VeleroAnnotation.RESTORE_WAIT_FOR_READY.key() + ": \"true\" (Velero 1.13 and later).");
        }
    }

    private static void checkContainer(Manifest m, String key, Severity breaks, Findings out) {
        Located container = m.annotation(key);
        if (!container.exists()) {
            out.add("NO_HOOK_CONTAINER", breaks, m.annotations(),
                    key + " is not written, so Velero runs the hook in the pod's first container; a service-mesh proxy "
                            + "injected first (Linkerd 2.11 and later) gets it, and it has no bash, pg_dump or psql.",
                    "Write " + key + ": " + expectedContainer(m).orElse("<the PostgreSQL container's name>") + ".");
            return;
        }
        Optional<String> want = expectedContainer(m);
        String name = container.text().orElse("");
        if (want.isPresent() && !name.equals(want.get()) && !name.contains("{{")) {
            out.add("WRONG_HOOK_CONTAINER", breaks, container,
                    key + " is '" + name + "', but chart " + m.chartVersion().get() + " names the PostgreSQL container '"
                            + want.get() + "': Velero fails the hook with \"no such container\".",
                    "Write " + key + ": " + want.get() + ".");
        }
    }

    /** The chart's name for it; a fullname (charts before 11) is known only for a plain release name. */
    private static Optional<String> expectedContainer(Manifest m) {
        if (m.facts().isEmpty())
            return Optional.empty();
        ChartFacts chart = m.facts().get();
        if (chart.container() == ChartFacts.ContainerNaming.POSTGRESQL)
            return Optional.of(chart.containerName("", m.family().chartName()));
        if (m.values().get("fullnameOverride").exists())
            return Optional.empty();
        String release = m.spec().get("releaseName").text()
                .or(() -> m.spec().at("chart", "releaseName").text())
                .or(() -> m.spec().at("chart", "name").text()).orElse(""); // KOTS falls back to the chart name
        if (release.isEmpty() || release.contains("{{"))
            return Optional.empty();
        return Optional.of(chart.containerName(release, m.family().chartName()));
    }
}
