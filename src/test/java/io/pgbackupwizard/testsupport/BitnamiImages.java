package io.pgbackupwizard.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.pgbackupwizard.chart.ChartVersion;

/**
 * The Bitnami-like image that stands for the image a chart version runs: built by src/test/container/bitnami-like.sh
 * from the generation's own scripts (a pinned test input), cached in the project's container store by a hash of its
 * inputs. Cold: about 40 s for the first generation (the base included), 15-25 s for each other; warm: under 1 s.
 */
public final class BitnamiImages {
    private BitnamiImages() {
    }

    private static final Map<String, String> TAGS = new ConcurrentHashMap<>();

    /**
     * Which scripts the chart's image has (bitnami-postgresql/image/README.md): 8.x-10.x name 11.x-debian-10 tags,
     * 11.x-14.x the 2022 scripts, 15.x-16.x the 2024 ones, 17.x the 2025 ones.
     */
    public static String generation(String chartVersion) {
        int major = ChartVersion.parse(chartVersion).major();
        if (major <= 10)
            return "gen2021";
        if (major <= 14)
            return "gen2022";
        if (major <= 16)
            return "gen2024";
        return "gen2025";
    }

    /** The image tag for that chart version, built on first use. */
    public static synchronized String forChart(String chartVersion) {
        return TAGS.computeIfAbsent(generation(chartVersion), gen -> {
            Podman.requireTools();
            String scripts = TestInputs.path("bitnami-postgresql/image/" + gen).toString();
            long start = System.nanoTime();
            Podman.Result r = Podman.script("bitnami-like.sh", 900, gen, scripts).requireOk("building the " + gen + " image");
            String[] lines = r.output().strip().split("\n");
            System.out.printf("[harness] image %s ready in %.1f s%n", gen, (System.nanoTime() - start) / 1e9);
            return lines[lines.length - 1].strip();
        });
    }
}
