package io.pgbackupwizard.generate;

import io.pgbackupwizard.model.WizardInput;
import java.util.LinkedHashMap;
import java.util.Map;

/** Everything generated for one input: the three manifests and the hook commands they carry. */
public record Release(WizardInput input, HookAnnotations hooks, String helmChart, String config, String backup) {

    public static Release of(WizardInput in) {
        HookAnnotations hooks = HookAnnotations.of(in);
        return new Release(in, hooks,
                ManifestYaml.dump(HelmChartManifest.build(in, hooks)),
                ManifestYaml.dump(ConfigManifest.build(in)),
                ManifestYaml.dump(BackupManifest.build()));
    }

    public String helmChartFileName() {
        return input.name() + "-helmchart.yaml";
    }

    /** File name -> YAML, in the order a release lists them. */
    public Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(helmChartFileName(), helmChart);
        files.put("config.yaml", config);
        files.put("backup.yaml", backup);
        return files;
    }
}
