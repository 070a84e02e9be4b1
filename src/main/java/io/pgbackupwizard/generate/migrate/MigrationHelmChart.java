package io.pgbackupwizard.generate.migrate;

import java.util.List;
import java.util.Map;

import io.pgbackupwizard.generate.kots.HelmChartManifest;
import io.pgbackupwizard.generate.kots.LocalRegistryValues;
import io.pgbackupwizard.model.ApiVersion;
import io.pgbackupwizard.model.WizardInput;

/**
 * The KOTS HelmChart of the migration chart: after both PostgreSQL charts (weight {@value #WEIGHT}; theirs is 0),
 * before the application (a higher weight), with Helm waiting for the copy up to the migration timeout.
 */
public final class MigrationHelmChart {
    private MigrationHelmChart() {
    }

    /** The PostgreSQL charts keep KOTS's default 0; the application needs more than this. */
    public static final int WEIGHT = 1;

    public static Map<String, Object> build(WizardInput in) {
        List<Object> optional = in.apiVersion() == ApiVersion.V1BETA2
                ? List.of(LocalRegistryValues.optionalValues(in.image()))
                : null;
        // the builder renders the chart for an air-gap bundle (no Config then): the same Job, never replacing
        Map<String, Object> manifest = HelmChartManifest.of(in, MigrationChart.NAME, MigrationChart.VERSION,
                in.migrationRelease(), MigrationValues.build(in, MigrationConfig.replaceValue()), optional,
                MigrationValues.build(in, false));
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) manifest.get("spec");
        spec.put("weight", WEIGHT);
        // Helm waits for the hook Job this long (KOTS's own --timeout is 3600s; a later flag wins)
        spec.put("helmUpgradeFlags", List.of("--timeout", in.migrationTimeout()));
        return manifest;
    }
}
