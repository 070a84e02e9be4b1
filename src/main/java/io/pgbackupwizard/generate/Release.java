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

    /** File name -> YAML, in the order a release lists them. */
    public Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        for (Output o : Output.releaseFiles()) files.put(o.fileName(input), (String) o.content(this));
        return files;
    }
}
