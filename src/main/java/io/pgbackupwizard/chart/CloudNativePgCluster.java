package io.pgbackupwizard.chart;

import java.util.List;
import java.util.Map;

import io.pgbackupwizard.chart.ChartFacts.ContainerNaming;
import io.pgbackupwizard.chart.ChartFacts.ImageCheck;

/**
 * The CloudNativePG cluster chart 0.8.1 (charts/cluster at cloudnative-pg/charts; docs/facts/cloudnativepg.md). The
 * operator makes the pods, so only the facts the Cluster's values need are real here: the values key of the cluster
 * (resources, additionalLabels, imagePullSecrets), initdb's owner and database, the image. The hook facts (container,
 * volumes, password variables) describe the instance pod for the doctor; no hook is ever written for this family.
 */
final class CloudNativePgCluster {
    private CloudNativePgCluster() {
    }

    /** Newest first. */
    static final List<String> KNOWN = List.of("0.8.1");

    static final Map<String, String> PRESET_MEMORY_LIMITS = Map.of();

    /** The instance pod's volumes (pkg/specs/volumes.go): the data, the WAL, the operator's scratch, shared memory. */
    static final List<String> ANY_VERSION_VOLUMES = List.of("pgdata", "pg-wal", "scratch-data", "shm", "projected");

    static final FactsTable TABLE = FactsTable
            .from("0.8.1", f -> f
                    .layout("CLUSTER", "cluster")
                    // cluster.initdb: {database, owner}; the operator generates the owner's password into <cluster>-app
                    .credentials(List.of("cluster", "initdb"), "owner", "password", "database")
                    .passwordFiles(false)
                    .superuserPassword(false)
                    .userIsSuperuser(false)
                    .container(ContainerNaming.POSTGRES)
                    .volumes("pgdata", "pg-wal", "scratch-data", "shm", "projected")
                    .podLabels("cnpg.io/cluster")
                    .commonLabels(true)
                    // cluster.additionalLabels reach every resource of the chart (cluster.labels)
                    .workloadLabels("additionalLabels")
                    .pullSecretsAsRefs(true)
                    .podLabelsRender(true)
                    // version.postgresql "16": ghcr.io/cloudnative-pg/postgresql:16 (cluster.imageName helper)
                    .image("ghcr.io", "cloudnative-pg/postgresql")
                    .freeRepository("cloudnative-pg/postgresql")
                    .imageCheck(ImageCheck.NONE)
                    .resourcesPreset(null)
                    .port("PGPORT"))
            .done();

    /** The tag the chart's image has when none is given (values.yaml version.postgresql). */
    static final String DEFAULT_TAG = "16";
}
