package io.pgbackupwizard.generate;

import java.util.List;

import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.generate.cnpg.CnpgFiles;
import io.pgbackupwizard.generate.helm.HelmCliValues;
import io.pgbackupwizard.generate.kots.AppDatabaseValues;
import io.pgbackupwizard.generate.kots.ConfigManifest;
import io.pgbackupwizard.generate.kots.HelmChartManifest;
import io.pgbackupwizard.generate.migrate.MigrationConfig;
import io.pgbackupwizard.generate.migrate.MigrationValues;
import io.pgbackupwizard.generate.text.CloudNativePgTexts;
import io.pgbackupwizard.generate.text.HelmCliReadme;
import io.pgbackupwizard.generate.text.RestoreRunbook;
import io.pgbackupwizard.generate.yaml.ManifestYaml;
import io.pgbackupwizard.model.WizardInput;

/**
 * The files whose builder depends on the kind of chart family: a chart with Velero hooks on its pod (Bitnami, the
 * official image's charts), a cluster that backs itself up (CloudNativePG), or the vendor's own StatefulSet (a patch,
 * no chart). One exhaustive switch per file: a new kind does not compile until each file is decided for it.
 * ({@link ReleaseFile} leaves out the files a kind has none of, so those cases are never asked.)
 */
final class FamilyBuilders {
    private FamilyBuilders() {
    }

    enum Kind {
        HOOKED_CHART,
        SELF_BACKED_UP,
        OWN_WORKLOAD;

        static Kind of(ChartFamily f) {
            return f.backsItselfUp() ? SELF_BACKED_UP : f.ownWorkload() ? OWN_WORKLOAD : HOOKED_CHART;
        }
    }

    private static Kind kind(Release r) {
        return Kind.of(r.input().family());
    }

    static String helmChart(Release r) {
        WizardInput in = r.input();
        return ManifestYaml.dump(switch (kind(r)) {
            case HOOKED_CHART, OWN_WORKLOAD -> HelmChartManifest.build(in, r.hooks());
            case SELF_BACKED_UP -> CnpgFiles.helmChart(in);
        });
    }

    static String config(Release r) {
        WizardInput in = r.input();
        return ManifestYaml.dump(switch (kind(r)) {
            case HOOKED_CHART -> in.migrating() ? ConfigManifest.build(in, List.of(MigrationConfig.group(in)))
                    : ConfigManifest.build(in);
            case SELF_BACKED_UP -> CnpgFiles.config(in);
            case OWN_WORKLOAD -> ConfigManifest.backupStorageOnly(); // Embedded Cluster v3's storage only
        });
    }

    static String helmValues(Release r) {
        WizardInput in = r.input();
        return ManifestYaml.dump(switch (kind(r)) {
            case HOOKED_CHART, OWN_WORKLOAD -> HelmCliValues.build(in, r.hooks());
            case SELF_BACKED_UP -> CnpgFiles.helmValues(in);
        });
    }

    static String appValues(Release r) {
        WizardInput in = r.input();
        return ManifestYaml.dump(switch (kind(r)) {
            // during a move, the gate the migration chart makes after the copy
            case HOOKED_CHART, OWN_WORKLOAD -> in.migrating() ? AppDatabaseValues.build(in, MigrationValues.gate(in))
                    : AppDatabaseValues.build(in);
            case SELF_BACKED_UP -> CnpgFiles.appValues(in);
        });
    }

    static String helmReadme(Release r, String scheduleFile) {
        return switch (kind(r)) {
            case HOOKED_CHART, OWN_WORKLOAD -> HelmCliReadme.text(r.input(), scheduleFile);
            case SELF_BACKED_UP -> CloudNativePgTexts.helmReadme(r.input());
        };
    }

    static String restoreRunbook(Release r) {
        return switch (kind(r)) {
            case HOOKED_CHART, OWN_WORKLOAD -> RestoreRunbook.text(r.input());
            case SELF_BACKED_UP -> CloudNativePgTexts.restoreRunbook(r.input());
        };
    }
}
