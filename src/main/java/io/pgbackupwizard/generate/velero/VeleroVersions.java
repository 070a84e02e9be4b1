package io.pgbackupwizard.generate.velero;

/** The Velero that Embedded Cluster v2 ships (chart 12.1.0, Velero 1.18.2, AWS plugin 1.14.2); v3 bundles the same. */
public final class VeleroVersions {
    private VeleroVersions() {
    }

    public static final String CHART = "velero";
    public static final String CHART_VERSION = "12.1.0";
    public static final String IMAGE_REPOSITORY = "docker.io/velero/velero";
    public static final String IMAGE_TAG = "v1.18.2";
    public static final String AWS_PLUGIN_IMAGE = "docker.io/velero/velero-plugin-for-aws:v1.14.2";
    /** The newest Velero add-on in kURL's release notes (v2026.07.08-0); KOTS does not support Velero 1.19. */
    public static final String KURL_ADD_ON = "1.18.2";
}
