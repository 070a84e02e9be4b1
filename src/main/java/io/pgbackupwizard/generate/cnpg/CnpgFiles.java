package io.pgbackupwizard.generate.cnpg;

import static io.pgbackupwizard.generate.yaml.Maps.map;

import java.util.List;
import java.util.Map;

import io.pgbackupwizard.generate.helm.HelmCliValues;
import io.pgbackupwizard.generate.kots.AppDatabaseValues;
import io.pgbackupwizard.generate.kots.ConfigManifest;
import io.pgbackupwizard.generate.kots.HelmChartManifest;
import io.pgbackupwizard.model.WizardInput;

/** The files of a CloudNativePG release that other families make from hooks: HelmChart, Config, the app's and Helm values. */
public final class CnpgFiles {
    private CnpgFiles() {
    }

    /** The image sits in the Cluster, not a pod: KOTS rewrites it for neither API version, the optionalValues do. */
    public static Map<String, Object> helmChart(WizardInput in) {
        return HelmChartManifest.of(in, CnpgValues.kots(in), CnpgValues.kotsOptionalValues(in), CnpgValues.builder());
    }

    public static Map<String, Object> config(WizardInput in) {
        return ConfigManifest.build(in, List.of(CnpgConfig.group(in)));
    }

    /** The application connects to the operator's read-write Service, with the password of the operator's Secret. */
    public static Map<String, Object> appValues(WizardInput in) {
        return AppDatabaseValues.build(in, CnpgNames.readWriteService(in) + ".repl{{ Namespace }}.svc",
                Map.of("passwordSecret", map("name", CnpgNames.appSecret(in), "key", "password")));
    }

    /** The Helm CLI values: the cluster chart under the dependency's alias. */
    public static Map<String, Object> helmValues(WizardInput in) {
        return map(HelmCliValues.DEPENDENCY, CnpgValues.helm(in));
    }
}
