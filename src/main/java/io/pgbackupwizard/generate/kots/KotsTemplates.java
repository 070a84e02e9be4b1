package io.pgbackupwizard.generate.kots;

/** KOTS template functions, in the recommended repl{{ }} form with double-quoted arguments. */
public final class KotsTemplates {
    private KotsTemplates() {
    }

    /** Item names are restricted to [A-Za-z0-9_-], so they never need escaping inside the quotes. */
    public static String configOption(String item) {
        return "repl{{ ConfigOption \"" + item + "\" }}";
    }

    /** The admin console's namespace (kotsadm on Embedded Cluster): where the chart goes without spec.namespace. */
    public static final String NAMESPACE = "repl{{ Namespace }}";

    public static String configOptionNotEquals(String item, String value) {
        return "repl{{ ConfigOptionNotEquals \"" + item + "\" \"" + value + "\" }}";
    }

    /** Embedded Cluster v3: the image's reference through the Replicated proxy or the local registry. */
    public static String replicatedImageName(String image) {
        return "repl{{ ReplicatedImageName \"" + image + "\" }}";
    }

    public static String configOptionEquals(String item, String value) {
        return "repl{{ ConfigOptionEquals \"" + item + "\" \"" + value + "\" }}";
    }

    // The functions a v1beta2 HelmChart needs for local registries (air gap) and snapshots.
    public static final String HAS_LOCAL_REGISTRY = "repl{{ HasLocalRegistry }}";
    public static final String LOCAL_REGISTRY_HOST = "repl{{ LocalRegistryHost }}";
    public static final String LOCAL_REGISTRY_NAMESPACE = "repl{{ LocalRegistryNamespace }}";
    public static final String IMAGE_PULL_SECRET_NAME = "repl{{ ImagePullSecretName }}";

    /** License fields are built-in names such as isSnapshotSupported and appSlug: no escaping needed. */
    public static String licenseFieldValue(String field) {
        return "repl{{ LicenseFieldValue \"" + field + "\" }}";
    }
}
