package io.pgbackupwizard.generate;

import io.pgbackupwizard.model.InstallPath;
import io.pgbackupwizard.model.WizardInput;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything generated for one input: the files its install path needs ({@link Output}) and the hook scripts
 * they carry. Each file is emitted when first asked for: a download needs one of them, the page all of them.
 * One instance serves one request; nothing here outlives it.
 */
public final class Release {

    /** The KOTS Backup has no input: one text serves everyone. */
    private static final String KOTS_BACKUP = ManifestYaml.dump(BackupManifest.build());

    /**
     * Where the chart goes: the wizard writes no HelmChart spec.namespace, so the admin console's namespace. The
     * generators take another one (BackupManifest.kots, DisasterRecoveryManifests.backup) for when it gets a parameter.
     */
    private static final Optional<String> CHART_NAMESPACE = Optional.empty();

    private final WizardInput input;
    private final HookAnnotations hooks;
    private String helmChart;
    private String config;

    private Release(WizardInput input, HookAnnotations hooks) {
        this.input = input;
        this.hooks = hooks;
    }

    public static Release of(WizardInput in) {
        return new Release(in, HookAnnotations.of(in));
    }

    public WizardInput input() {
        return input;
    }

    public HookAnnotations hooks() {
        return hooks;
    }

    public InstallPath installPath() {
        return input.installPath();
    }

    public String helmChart() {
        if (helmChart == null) helmChart = ManifestYaml.dump(HelmChartManifest.build(input, hooks));
        return helmChart;
    }

    public String config() {
        if (config == null) config = ManifestYaml.dump(ConfigManifest.build(input));
        return config;
    }

    /** The path's Velero Backup, or null when it has none (Embedded Cluster v3, Helm CLI). */
    public String backup() {
        return switch (input.installPath()) {
            case KOTS, KURL -> KOTS_BACKUP;
            case EMBEDDED_V2 -> ManifestYaml.dump(DisasterRecoveryManifests.backup(CHART_NAMESPACE));
            case EMBEDDED_V3, HELM -> null;
        };
    }

    /** What stands between this release and a working install in 2026 (empty when nothing does). */
    public java.util.List<String> warnings() {
        return InstallNotes.warnings(input);
    }

    /** How to get the chart archive the release must hold. */
    public String chartSource() {
        return InstallNotes.chartSource(input);
    }

    public String restore() {
        return ManifestYaml.dump(DisasterRecoveryManifests.restore());
    }

    public String kurlInstaller() {
        return ManifestYaml.dump(KurlInstallerManifest.build());
    }

    public String embeddedClusterConfig() {
        return ManifestYaml.dump(VeleroExtensionManifest.build(input, CHART_NAMESPACE));
    }

    public String restoreRunbook() {
        return RestoreRunbook.text(input);
    }

    public String helmValues() {
        return ManifestYaml.dump(HelmCliValues.build(input, hooks));
    }

    public String helmReadme() {
        return HelmCliReadme.text(input, Output.SCHEDULE.fileName(input));
    }

    public String schedule() {
        return ManifestYaml.dump(VeleroScheduleManifest.build(input));
    }

    public String appValues() {
        return ManifestYaml.dump(AppDatabaseValues.build(input));
    }

    public String readme() {
        return NextSteps.readme(input);
    }

    public String fileName(Output output) {
        return output.fileName(input);
    }

    /** The path of the dump file the hooks write and read. */
    public String dumpPath() {
        return HookScripts.dumpPath(input);
    }

    /** The name of the scratch volume the HelmChart adds. */
    public String scratchVolume() {
        return HelmChartManifest.VOLUME;
    }

    /** File name -> content, in the order a release lists them: the files of the install path. */
    public Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        for (Output o : Output.releaseFiles(installPath())) files.put(o.fileName(input), (String) o.content(this));
        return files;
    }
}
