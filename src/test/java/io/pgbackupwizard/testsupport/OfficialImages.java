package io.pgbackupwizard.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.pgbackupwizard.chart.ChartFamily;

/**
 * The stand-in for the official postgres image a chart runs: built by src/test/container/official-like.sh from the
 * image's own Dockerfile steps and entrypoint (a pinned test input), cached in the project's container store by a
 * hash of its inputs. Cold: about 40 s (the trixie base included); warm: under 1 s.
 */
public final class OfficialImages {
    private OfficialImages() {
    }

    private static final Map<Integer, String> TAGS = new ConcurrentHashMap<>();

    /** The PostgreSQL major of the image the chart's own values.yaml names ("18.6@sha256:..." is 18). */
    public static int major(ChartFamily family, String chartVersion) {
        Map<String, Object> values = ChartRenderer.defaultValues(family, chartVersion);
        String tag = ManifestView.string(values, "image", "tag");
        if (tag == null || tag.isEmpty()) // the chart's appVersion then (groundhog2k)
            tag = String.valueOf(ManifestView.load(TestInputs.read(ChartRenderer.sources(family) + chartVersion
                    + "/Chart.yaml")).get("appVersion"));
        return Integer.parseInt(tag.replaceAll("^(\\d+).*$", "$1"));
    }

    /** The image for that major version, built on first use. */
    public static synchronized String forMajor(int major) {
        return TAGS.computeIfAbsent(major, m -> {
            Podman.requireTools();
            String scripts = TestInputs.path("charts-2026/official-image/" + m).toString();
            long start = System.nanoTime();
            Podman.Result r = Podman.script("official-like.sh", 900, String.valueOf(m), scripts)
                    .requireOk("building the official image " + m);
            String[] lines = r.output().strip().split("\n");
            System.out.printf("[harness] official image %d ready in %.1f s%n", m, (System.nanoTime() - start) / 1e9);
            return lines[lines.length - 1].strip();
        });
    }

    /** The stand-in image of any family's chart version: Bitnami-like or official. */
    public static String forChart(ChartFamily family, String chartVersion) {
        return family == ChartFamily.BITNAMI ? BitnamiImages.forChart(chartVersion)
                : forMajor(major(family, chartVersion));
    }
}
