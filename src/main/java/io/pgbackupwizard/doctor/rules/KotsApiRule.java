package io.pgbackupwizard.doctor.rules;

import java.util.ArrayList;
import java.util.List;

import io.pgbackupwizard.chart.ChartFacts;
import io.pgbackupwizard.doctor.Findings;
import io.pgbackupwizard.doctor.Located;
import io.pgbackupwizard.doctor.Manifest;
import io.pgbackupwizard.doctor.Rule;
import io.pgbackupwizard.doctor.Severity;

/**
 * KOTS HelmChart API versions: v1beta1 is deprecated and, without useHelmInstall: true, locks the install into
 * kubectl apply; v1beta2 changes nothing in the chart, so the vendor adds the snapshot labels, the builder and the
 * local-registry rewriting KOTS used to do.
 */
public final class KotsApiRule implements Rule {

    @Override
    public String checks() {
        return "The HelmChart API version's needs: useHelmInstall on v1beta1; on v1beta2 the builder, the local-registry rewrite and the snapshot labels; pod labels the chart can render.";
    }

    @Override
    public List<String> findings() {
        return List.of("BUILDER_TEMPLATE", "CHART8_POD_LABELS", "UNKNOWN_API_VERSION", "V1BETA1_NO_HELM_INSTALL",
                "V1BETA2_NO_BUILDER", "V1BETA2_NO_LOCAL_REGISTRY", "V1BETA2_NO_SNAPSHOT_LABELS", "V1BETA2_POD_UNLABELLED");
    }

    @Override
    public void check(Manifest m, Findings out) {
        Located api = m.root().get("apiVersion");
        if (!m.v1beta1() && !m.v1beta2()) {
            out.add("UNKNOWN_API_VERSION", Severity.BREAKS_INSTALL, api,
                    "apiVersion is '" + m.apiVersion()
                            + "'; KOTS reads HelmCharts of kots.io/v1beta1 and kots.io/v1beta2 only.",
                    "Write apiVersion: kots.io/v1beta2.");
            return;
        }
        if (m.v1beta1()) {
            Located helmInstall = m.spec().get("useHelmInstall");
            if (!helmInstall.isTrue()) {
                out.add("V1BETA1_NO_HELM_INSTALL", Severity.BREAKS_INSTALL, helmInstall.exists() ? helmInstall : m.spec(),
                        "kots.io/v1beta1 without useHelmInstall: true installs with the deprecated kubectl-apply method, and "
                                + "KOTS refuses to move such a release to Helm or to v1beta2 later.",
                        "Move to apiVersion: kots.io/v1beta2 (releaseName under spec, no useHelmInstall), or write useHelmInstall: true.");
            }
        }
        Located builder = m.spec().get("builder");
        if (builder.exists()) {
            builder.forEachScalar(s -> {
                if (s.text().orElse("").contains("{{")) {
                    out.add("BUILDER_TEMPLATE", Severity.BREAKS_INSTALL, s,
                            "builder takes static values only; the Vendor Portal renders the chart with them to find its images "
                                    + "and does not run KOTS templates.",
                            "Write a literal value here.");
                }
            });
        }
        checkPodLabelsOnChart8(m, out);
        if (!m.v1beta2())
            return;
        if (!podLabelsRender(m) && !hasSnapshotLabels(m)) {
            // Nothing in a v1beta2 chart 8.x can label the pod (see checkPodLabelsOnChart8): the wizard warns the same.
            out.add("V1BETA2_POD_UNLABELLED", Severity.WARNING, m.pod(),
                    "Chart " + m.chartVersion().get() + " cannot carry pod labels, so with kots.io/v1beta2 the PostgreSQL pod "
                            + "lacks kots.io/backup and kots.io/app-slug and KOTS snapshots leave it and its hooks out.",
                    "Use chart " + m.family().versionsWhere(ChartFacts::podLabelsRender) + " (" + podKey(m)
                            + ".podLabels), or kots.io/v1beta1, for which KOTS labels the pod itself.");
        } else if (!hasSnapshotLabels(m)) {
            out.add("V1BETA2_NO_SNAPSHOT_LABELS", Severity.BREAKS_BACKUP, m.pod(),
                    "A kots.io/v1beta2 chart is not modified by KOTS, and KOTS selects pods for snapshots by the labels "
                            + "kots.io/backup: velero and kots.io/app-slug, which the PostgreSQL pod lacks: the pod, its hooks "
                            + "and its scratch volume are never in a snapshot.",
                    "Add optionalValues when 'repl{{ LicenseFieldValue \"isSnapshotSupported\" }}' with recursiveMerge: true and "
                            + labelsKey(m)
                            + " {kots.io/backup: velero, kots.io/app-slug: 'repl{{ LicenseFieldValue \"appSlug\" }}'}.");
        }
        if (!builder.exists()) {
            out.add("V1BETA2_NO_BUILDER", Severity.BREAKS_INSTALL, m.spec(),
                    "No builder: the Vendor Portal finds the images for air-gap bundles by rendering the chart with the builder "
                            + "values, and the chart's defaults no longer name pullable images, so air-gap installs miss the image.",
                    "Add builder with the static image override (image.registry/repository, global.security.allowInsecureImages).");
        }
        boolean localRegistry = m.spec().get("optionalValues").items().stream()
                .anyMatch(o -> o.get("when").text().orElse("").contains("HasLocalRegistry"));
        if (!localRegistry) {
            out.add("V1BETA2_NO_LOCAL_REGISTRY", Severity.BREAKS_INSTALL, m.spec(),
                    "kots.io/v1beta2 does not rewrite images: in an air-gapped install (or one that pushes images to its own "
                            + "registry) the pod still pulls from the public registry and fails.",
                    "Add optionalValues when 'repl{{ HasLocalRegistry }}' setting image.registry: 'repl{{ LocalRegistryHost }}', "
                            + "image.repository: 'repl{{ LocalRegistryNamespace }}/postgresql' and the pull secret 'repl{{ ImagePullSecretName }}'.");
        }
    }

    private static String podKey(Manifest m) {
        return m.facts().map(ChartFacts::podKey).orElse("primary");
    }

    /** Whether the chart renders pod labels; an unknown version is given the benefit of the doubt. */
    private static boolean podLabelsRender(Manifest m) {
        return m.facts().map(ChartFacts::podLabelsRender).orElse(true);
    }

    /** Whether commonLabels reach the pod; true for an unknown version. */
    private static boolean commonLabels(Manifest m) {
        return m.facts().map(ChartFacts::commonLabels).orElse(true);
    }

    /** Where the labels reach the pod: commonLabels from chart 10, <pod key>.podLabels before. */
    private static String labelsKey(Manifest m) {
        return commonLabels(m) ? "commonLabels" : podKey(m).isEmpty() ? "podLabels" : podKey(m) + ".podLabels";
    }

    /**
     * Chart 8.x writes master.podLabels with indent instead of nindent: any pod label makes its StatefulSet invalid
     * YAML ("mapping values are not allowed"; seen in 8.7.4, fixed by 9.8.12).
     */
    private static void checkPodLabelsOnChart8(Manifest m, Findings out) {
        if (podLabelsRender(m))
            return;
        List<Located> places = new ArrayList<>();
        places.add(m.values().at(podKey(m), "podLabels"));
        for (Located o : m.spec().get("optionalValues").items())
            places.add(o.get("values").at(podKey(m), "podLabels"));
        for (Located p : places) {
            if (p.isMap() && !p.entries().isEmpty()) {
                out.add("CHART8_POD_LABELS", Severity.BREAKS_INSTALL, p,
                        "Chart " + m.chartVersion().get() + " indents master.podLabels wrongly in its StatefulSet template: "
                                + "helm fails with \"mapping values are not allowed\".",
                        "Remove master.podLabels (label the StatefulSet with master.labels), or use chart "
                                + m.family().versionsWhere(ChartFacts::podLabelsRender) + ".");
            }
        }
    }

    /** values.&lt;pod key&gt;.key, or values.key where the chart reads the pod's keys at the top. */
    private static Located at(Located values, String podKey, String key) {
        return podKey.isEmpty() ? values.get(key) : values.at(podKey, key);
    }

    /** Both labels on the pod, in values or in any optionalValues entry: commonLabels (chart 10+) or podLabels. */
    private static boolean hasSnapshotLabels(Manifest m) {
        List<Located> places = new ArrayList<>();
        String pod = podKey(m);
        boolean common = commonLabels(m);
        places.add(at(m.values(), pod, "podLabels"));
        if (common)
            places.add(m.values().get("commonLabels"));
        for (Located o : m.spec().get("optionalValues").items()) {
            places.add(at(o.get("values"), pod, "podLabels"));
            if (common)
                places.add(o.get("values").get("commonLabels"));
        }
        return places.stream().anyMatch(p -> p.get("kots.io/backup").exists() && p.get("kots.io/app-slug").exists());
    }
}
