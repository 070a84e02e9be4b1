package io.pgbackupwizard.generate.migrate;

import static io.pgbackupwizard.generate.yaml.Maps.map;

import java.util.LinkedHashMap;
import java.util.Map;

import io.pgbackupwizard.generate.helm.HelmCliValues;
import io.pgbackupwizard.model.ImageSource;
import io.pgbackupwizard.model.WizardInput;

/**
 * What the migration chart copies where, for one input: the old Bitnami release's Service and Secret, the new chart's
 * (both in the application's namespace, reached by their short names), the database, and the new chart's image for
 * the Job (its pg_dump reads the older server; no other image to mirror).
 */
public final class MigrationValues {
    private MigrationValues() {
    }

    /** The port both charts' Services listen on unless their values change it (the wizard does not). */
    static final String PORT = "5432";

    /** @param replace the value of replace: a KOTS template reading the Config, or a fixed text */
    public static Map<String, Object> build(WizardInput in, Object replace) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("image", image(in));
        values.put("source", map("host", sourceFullname(in), "port", PORT, "database", in.database(), "user",
                "postgres", "secret", sourceSecret(in), "passwordKey", in.migrateFromPasswordKey()));
        Map<String, Object> target = map("host", targetFullname(in), "port", PORT, "database", in.database(), "user",
                targetUser(in), "secret", targetFullname(in), "passwordKey", in.family().superuserSecretKey(), "owner",
                targetOwner(in));
        target.putAll(pod(in, in.family().chartName(), in.name()));
        values.put("target", target);
        values.put("replace", replace);
        return values;
    }

    /** The migration chart's dependency name in the application's chart (Helm CLI), and its values' key. */
    public static final String DEPENDENCY = MigrationChart.NAME;

    /** Helm runs a dependency's pre-upgrade hooks before anything of the release changes. */
    public static final String HELM_HOOK = "pre-upgrade";

    /**
     * The application chart's values for its migration dependency (Helm CLI): the Job as a pre-upgrade hook, the two
     * charts by their dependency names (their Services and Secrets follow from the release's name), the customer's
     * REPLACE off.
     */
    public static Map<String, Object> helm(WizardInput in) {
        Map<String, Object> source = map("chart", HelmCliValues.DEPENDENCY, "database", in.database(), "user", "postgres",
                "passwordKey", in.migrateFromPasswordKey());
        if (in.migrateFromSecret() != null)
            source.put("secret", in.migrateFromSecret());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("hook", HELM_HOOK);
        values.put("image", chartImage(in));
        values.put("source", source);
        Map<String, Object> target = map("chart", HelmCliValues.dependency(in), "database", in.database(), "user",
                targetUser(in), "passwordKey", in.family().superuserSecretKey(), "owner", targetOwner(in));
        target.putAll(pod(in, HelmCliValues.dependency(in), null));
        values.put("target", target);
        values.put("replace", false);
        return map(DEPENDENCY, values);
    }

    /**
     * How the gate Service finds the new chart's PostgreSQL pod: the chart's own pod labels and the label carrying its
     * release ({@code release} null: the release the migration chart is a dependency of).
     */
    static Map<String, Object> pod(WizardInput in, String installedAs, String release) {
        Map<String, Object> pod = map("podLabels", new LinkedHashMap<String, Object>(in.chart().podLabels(installedAs)),
                "instanceLabel", in.chart().instanceLabel());
        if (release != null)
            pod.put("release", release);
        return pod;
    }

    /** The Service the application connects to during the move under KOTS: made only after a copy that succeeded. */
    public static String gate(WizardInput in) {
        return in.migrationRelease() + MigrationChart.GATE_SUFFIX;
    }

    /** The new chart's image, its tag always written: the Job cannot fall back to another chart's appVersion. */
    public static Map<String, Object> image(WizardInput in) {
        ImageSource image = in.image();
        return map("registry", image.registry(), "repository", image.repository(), "tag", imageTag(in));
    }

    /** The new chart's own image at its version's tag: what a Helm CLI install runs (its values leave the image alone). */
    public static Map<String, Object> chartImage(WizardInput in) {
        ImageSource own = ImageSource.of(in.chart(), null, null, null);
        return map("registry", own.registry(), "repository", own.repository(), "tag", in.family()
                .chartImageTag(in.chartVersion()).orElseThrow(() -> new IllegalStateException("no image tag for "
                        + in.family() + " " + in.chartVersion())));
    }

    /** For people: registry/repository:tag, as the Job's pod names it. */
    public static String imageReference(WizardInput in) {
        return reference(image(in));
    }

    /** registry/repository:tag of an image's values. */
    public static String reference(Map<String, Object> image) {
        return image.get("registry") + "/" + image.get("repository") + ":" + image.get("tag");
    }

    /** The tag the new chart runs: the one given, or the chart version's own (the parser refused any other). */
    public static String imageTag(WizardInput in) {
        return in.image().tag() != null ? in.image().tag()
                : in.family().chartImageTag(in.chartVersion()).orElseThrow(
                        () -> new IllegalStateException("no image tag for " + in.family() + " " + in.chartVersion()));
    }

    /** The old chart's fullname: its Service, and its Secret unless it was given an existing one. */
    public static String sourceFullname(WizardInput in) {
        return in.migrateFromFullname();
    }

    public static String sourceSecret(WizardInput in) {
        return in.migrateFromSecret() != null ? in.migrateFromSecret() : sourceFullname(in);
    }

    /** The new chart's fullname: its Service and its Secret. */
    public static String targetFullname(WizardInput in) {
        return in.fullname();
    }

    /** The role that may create roles in the new server: the superuser (the chart's user where it is the one). */
    public static String targetUser(WizardInput in) {
        return in.chart().userIsSuperuser() ? in.username() : "postgres";
    }

    /** Who owns the copy when the Job logs in as another role: the chart's user; empty where it logs in as that user. */
    public static String targetOwner(WizardInput in) {
        return in.chart().userIsSuperuser() ? "" : in.username();
    }
}
