package io.pgbackupwizard.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.pgbackupwizard.chart.ChartFacts;
import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.model.InstallPath;

/**
 * The dimensions tests walk, read from the code rather than listed by hand: a new facts row, known chart version or
 * install path joins every matrix that uses these.
 */
public final class Matrix {
    private Matrix() {
    }

    /** Every install path. */
    public static List<InstallPath> installPaths() {
        return List.of(InstallPath.values());
    }

    /**
     * One chart version per row of the Bitnami facts table: the newest known version that row holds, or the row's
     * first version where no known version reaches it; newest first. For tests that generate but do not render.
     */
    public static List<String> chartVersionPerFactsRow() {
        List<String> candidates = new ArrayList<>(ChartFamily.BITNAMI.knownVersions());
        List<String> starts = new ArrayList<>(
                ChartFamily.BITNAMI.table().rows().keySet().stream().map(Object::toString).toList());
        Collections.reverse(starts);
        candidates.addAll(starts);
        return onePerRow(candidates);
    }

    /** A family and one of its versions. */
    public record Chart(ChartFamily family, String version) {
        /** The request parameters that choose it. */
        public List<String> params() {
            return List.of("chartFamily", family.param(), "chartVersion", version);
        }

        @Override
        public String toString() {
            return family.param() + " " + version;
        }
    }

    /** One chart version per facts row of every family (Bitnami's as {@link #chartVersionPerFactsRow}). */
    public static List<Chart> chartPerFactsRowOfEveryFamily() {
        List<Chart> out = new ArrayList<>();
        for (ChartFamily f : ChartFamily.values()) {
            if (f.ownWorkload())
                continue; // no chart, no HelmChart: OwnStatefulSetRoundTripTest
            List<String> candidates = new ArrayList<>(f.knownVersions());
            List<String> starts = new ArrayList<>(f.table().rows().keySet().stream().map(Object::toString).toList());
            Collections.reverse(starts);
            candidates.addAll(starts);
            onePerRow(f, candidates).forEach(v -> out.add(new Chart(f, v)));
        }
        return out;
    }

    /**
     * One chart version per row of the facts table among the charts in the test inputs (what Helm can render here),
     * the newest of each row.
     */
    public static List<String> renderableChartVersionPerFactsRow() {
        List<String> newestFirst = new ArrayList<>(ChartRenderer.versions());
        Collections.reverse(newestFirst);
        return onePerRow(newestFirst);
    }

    /** The first version of {@code newestFirst} in each row, in that order. */
    private static List<String> onePerRow(List<String> newestFirst) {
        return onePerRow(ChartFamily.BITNAMI, newestFirst);
    }

    private static List<String> onePerRow(ChartFamily family, List<String> newestFirst) {
        Map<ChartFacts, String> seen = new IdentityHashMap<>();
        List<String> picked = new ArrayList<>();
        for (String v : newestFirst) {
            if (seen.putIfAbsent(family.facts(family.version(v)), v) == null)
                picked.add(v);
        }
        return picked;
    }
}
