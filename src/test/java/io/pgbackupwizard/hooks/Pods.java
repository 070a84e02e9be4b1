package io.pgbackupwizard.hooks;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.testsupport.ChartRenderer;
import io.pgbackupwizard.testsupport.RenderedPod;

/** Steps the container tests share: the wizard's HelmChart rendered by KOTS, then by Helm, into the pod. */
final class Pods {
    private Pods() {
    }

    /** Velero's exec timeout the tests give a hook (the wizard writes 30m; these databases dump in under a second). */
    static final Duration HOOK_TIMEOUT = Duration.ofSeconds(60);

    static Stream<String> versions() {
        return ChartRenderer.versions().stream();
    }

    /**
     * Synchronized: the real-container tests run two at a time, and helm-java's native renderer is not known to be reentrant.
     */
    static synchronized RenderedPod render(String version, Map<String, String> params, Map<String, Object> extraValues) {
        return RenderedPod.of(ChartRenderer.render(version, WizardRelease.RELEASE,
                WizardRelease.values(version, params, extraValues)).requireOk());
    }

    /** The same for any chart family: the wizard is told the family, and the family's chart renders the values. */
    static synchronized RenderedPod render(ChartFamily family, String version, Map<String, String> params) {
        Map<String, String> withFamily = new java.util.LinkedHashMap<>(params);
        withFamily.put("chartFamily", family.param());
        return RenderedPod.of(ChartRenderer.render(family, version, params.getOrDefault("name", WizardRelease.RELEASE),
                WizardRelease.values(version, withFamily, Map.of())).requireOk());
    }

    /** "bitnami 17.1.0", "groundhog2k 1.6.7": a chart of any family, as the parameterized tests name them. */
    static ChartFamily family(String chart) {
        return ChartFamily.parse(chart.split(" ")[0]);
    }

    static String version(String chart) {
        return chart.split(" ")[1];
    }

    /** That chart's rendered pod with the wizard's values for {@code params}. */
    static RenderedPod render(String chart, Map<String, String> params) {
        return render(family(chart), version(chart), params);
    }

    /** The stand-in image that chart's pod runs. */
    static String image(String chart) {
        return io.pgbackupwizard.testsupport.OfficialImages.forChart(family(chart), version(chart));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
