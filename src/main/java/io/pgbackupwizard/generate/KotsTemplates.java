package io.pgbackupwizard.generate;

/** KOTS template functions, in the recommended repl{{ }} form with double-quoted arguments. */
public final class KotsTemplates {
    private KotsTemplates() {}

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
}
