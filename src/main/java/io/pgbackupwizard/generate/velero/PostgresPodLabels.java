package io.pgbackupwizard.generate.velero;

import java.util.LinkedHashMap;
import java.util.Map;

import io.pgbackupwizard.chart.ChartFacts;

/**
 * The chart's labels on its PostgreSQL pod (chart facts), as a map for manifests and as kubectl -l selectors.
 * {@code installedAs} is the chart's name where it is installed (its own, or a parent chart's alias), which some
 * charts put in app.kubernetes.io/name.
 */
public final class PostgresPodLabels {
    private PostgresPodLabels() {
    }

    static Map<String, Object> of(ChartFacts chart, String installedAs) {
        return new LinkedHashMap<>(chart.podLabels(installedAs));
    }

    /** The PostgreSQL pod of release {@code release}, or of every release when it is null. */
    public static String selector(ChartFacts chart, String installedAs, String release) {
        StringBuilder out = new StringBuilder();
        chart.podLabels(installedAs)
                .forEach((k, val) -> out.append(out.length() == 0 ? "" : ",").append(k).append('=').append(val));
        if (release != null)
            out.append(',').append(chart.instanceLabel()).append('=').append(release);
        return out.toString();
    }
}
