package io.pgbackupwizard.doctor;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.pgbackupwizard.chart.ChartFacts;
import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.chart.ChartVersion;

/**
 * The HelmChart as the rules see it: where things are, read once. What the chart version does comes from the
 * wizard's own chart facts ({@link ChartFacts}); the rules compare no version numbers.
 */
public final class Manifest {

    public static final String V1BETA1 = "kots.io/v1beta1";
    public static final String V1BETA2 = "kots.io/v1beta2";

    private final Located root;
    private final Located config;
    private final ChartFamily family;
    private final Optional<ChartVersion> chartVersion;
    private final boolean operatorCluster;

    private final List<Located> companions;

    Manifest(Located root, Located config) {
        this(root, config, List.of());
    }

    Manifest(Located root, Located config, List<Located> companions) {
        this.root = root;
        this.config = config;
        this.companions = List.copyOf(companions);
        this.family = familyOf(root.at("spec", "chart", "name").text().orElse(""), root.at("spec", "values"));
        this.chartVersion = root.at("spec", "chart", "chartVersion").text().flatMap(this::version);
        Located values = root.at("spec", "values");
        // the cluster chart's name (its family), with one of its own keys: a chart named cluster that is CloudNativePG's
        this.operatorCluster = family.backsItselfUp()
                && (values.get("cluster").exists() || values.get("backups").exists()
                        || values.get("type").text().filter("postgresql"::equals).isPresent());
    }

    /**
     * The family by the chart's name (Bitnami's postgresql; postgres for CloudPirates and groundhog2k, told apart by
     * where the values keep the credentials); anything else is read as Bitnami's (the wizard's first family), whose
     * rules then say what they find.
     */
    private static ChartFamily familyOf(String chartName, Located values) {
        // (your own StatefulSet has no chart, so no HelmChart names it, not even an empty name)
        List<ChartFamily> named = Arrays.stream(ChartFamily.values())
                .filter(f -> !f.ownWorkload() && f.chartName().equals(chartName.trim())).toList();
        for (ChartFamily f : named) {
            String credentialsRoot = f.table().rows().values().iterator().next().credentialsPath().get(0);
            if (named.size() == 1 || values.get(credentialsRoot).exists())
                return f;
        }
        return named.isEmpty() ? ChartFamily.BITNAMI : named.get(0);
    }

    private Optional<ChartVersion> version(String text) {
        try {
            return Optional.of(family.version(text.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Located root() {
        return root;
    }

    /** The release's Config, when one was given. */
    public Optional<Located> config() {
        return Optional.ofNullable(config);
    }

    public String apiVersion() {
        return root.get("apiVersion").text().orElse("");
    }

    public boolean v1beta1() {
        return apiVersion().equals(V1BETA1);
    }

    public boolean v1beta2() {
        return apiVersion().equals(V1BETA2);
    }

    public Located spec() {
        return root.get("spec");
    }

    public Located values() {
        return spec().get("values");
    }

    /** The chart version, when it is a version of the family the wizard knows how to read. */
    public Optional<ChartVersion> chartVersion() {
        return chartVersion;
    }

    /** What that chart version does, when the version is known. */
    public Optional<ChartFacts> facts() {
        return chartVersion.map(family::facts);
    }

    /**
     * Whether the file installs a CloudNativePG Cluster: the cloudnative-pg cluster chart (spec.chart.name cluster, its
     * values' cluster: or backups: keys). Not a chart the hooks are for (OperatorClusterRule).
     */
    public boolean operatorCluster() {
        return operatorCluster;
    }

    /** The release's other HelmCharts sent with this one (the Bitnami chart a move leaves, the migration chart). */
    public List<Located> companions() {
        return companions;
    }

    /** The companion HelmChart of this chart (spec.chart.name), if one was sent. */
    public Optional<Located> companion(String chartName) {
        return companions.stream().filter(h -> ManifestReader.chartName(h).equals(chartName)).findFirst();
    }

    /** The chart family the file installs, by its spec.chart.name. */
    public ChartFamily family() {
        return family;
    }

    /**
     * The PostgreSQL pod's values: the key the chart version reads (Bitnami: master.* for 8.x-9.x, primary.* later;
     * CloudPirates: the top of the values), or, when the version is unknown or the file uses the other key, whichever
     * of the two the file has.
     */
    public Located pod() {
        Optional<ChartFacts> gen = facts();
        if (gen.isPresent() && gen.get().podKey().isEmpty()
                && (values().get("podAnnotations").exists()
                        || !(values().get("primary").exists() || values().get("master").exists())))
            return values();
        if (gen.isPresent() && values().get(gen.get().podKey()).exists())
            return values().get(gen.get().podKey());
        // The wrong key is its own finding (ValuesLayoutRule); the other rules still read the hooks written there.
        Located primary = values().get("primary");
        return primary.exists() ? primary : values().get("master");
    }

    public Located annotations() {
        return pod().get("podAnnotations");
    }

    public Located annotation(String key) {
        return annotations().get(key);
    }

    /** The pod volume of that name among extraVolumes, or a missing place. */
    public Located volume(String name) {
        for (Located v : pod().get("extraVolumes").items()) {
            if (v.get("name").text().orElse("").equals(name))
                return v;
        }
        return pod().get("extraVolumes").get(name);
    }

    /** The mount of that volume among extraVolumeMounts, or a missing place. */
    public Located volumeMount(String name) {
        for (Located m : pod().get("extraVolumeMounts").items()) {
            if (m.get("name").text().orElse("").equals(name))
                return m;
        }
        return pod().get("extraVolumeMounts").get(name);
    }
}
