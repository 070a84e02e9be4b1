package io.pgbackupwizard.generate.cnpg;

import io.pgbackupwizard.generate.kots.AppDatabaseValues;
import io.pgbackupwizard.model.WizardInput;

/** The names the cluster chart and the operator give things, for a KOTS install (release = the HelmChart's name). */
public final class CnpgNames {
    private CnpgNames() {
    }

    /** The Barman Cloud plugin's name, as the Cluster, the ScheduledBackup and the recovery source name it. */
    public static final String PLUGIN = "barman-cloud.cloudnative-pg.io";

    /** The label Velero leaves out of every backup; the operator copies it onto what it makes when told to. */
    public static final String EXCLUDE_LABEL = "velero.io/exclude-from-backup";

    /** The Cluster's name: the chart's cluster.fullname (the release name when it holds "cluster", else release-cluster). */
    public static String cluster(WizardInput in) {
        return AppDatabaseValues.fullname(in.name(), in.family().chartName());
    }

    /** The operator's read-write Service: it follows the primary. */
    public static String readWriteService(WizardInput in) {
        return cluster(in) + "-rw";
    }

    /** The operator's Secret for the database owner (username, password, dbname, uri, ...). */
    public static String appSecret(WizardInput in) {
        return cluster(in) + "-app";
    }

    /** The image reference the Cluster runs: registry/repository:tag, the chart's own tag when none is given. */
    public static String image(WizardInput in) {
        return in.image().registry() + "/" + in.image().repository() + ":" + tag(in);
    }

    /** The tag as typed, or the chart's own (version.postgresql). */
    public static String tag(WizardInput in) {
        return in.image().tag() != null ? in.image().tag() : in.family().defaultImageTag();
    }
}
