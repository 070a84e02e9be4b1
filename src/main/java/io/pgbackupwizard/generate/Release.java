package io.pgbackupwizard.generate;

import io.pgbackupwizard.model.WizardInput;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything generated for one input: the three manifests and the hook commands they carry.
 * Each manifest is emitted when first asked for: a download needs one of them, the page all three.
 * One instance serves one request; nothing here outlives it.
 */
public final class Release {

    public static final String CONFIG_FILE = "config.yaml";
    public static final String BACKUP_FILE = "backup.yaml";

    /** The Backup manifest has no input: one text serves everyone. */
    private static final String BACKUP = ManifestYaml.dump(BackupManifest.build());

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

    public String helmChart() {
        if (helmChart == null) helmChart = ManifestYaml.dump(HelmChartManifest.build(input, hooks));
        return helmChart;
    }

    public String config() {
        if (config == null) config = ManifestYaml.dump(ConfigManifest.build(input));
        return config;
    }

    public String backup() {
        return BACKUP;
    }

    /** What stands between this release and a working install in 2026 (empty when nothing does). */
    public java.util.List<String> warnings() {
        return InstallNotes.warnings(input);
    }

    /** How to get the chart archive the release must hold. */
    public String chartSource() {
        return InstallNotes.chartSource(input);
    }

    public String helmChartFileName() {
        return input.name() + "-helmchart.yaml";
    }

    /** File name -> YAML, in the order a release lists them. */
    public Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(helmChartFileName(), helmChart());
        files.put(CONFIG_FILE, config());
        files.put(BACKUP_FILE, backup());
        return files;
    }
}
