package io.pgbackupwizard.generate.velero;

import java.util.LinkedHashMap;
import java.util.Map;

import io.pgbackupwizard.chart.ChartFacts;

/** The chart's labels on its PostgreSQL pod (chart facts), as a map for manifests and as kubectl -l selectors. */
public final class PostgresPodLabels {
    private PostgresPodLabels() {
    }

    static Map<String, Object> of(ChartFacts chart) {
        return new LinkedHashMap<>(chart.podLabels());
    }

    /** Every release's PostgreSQL pod. */
    public static String selector(ChartFacts chart) {
        StringBuilder out = new StringBuilder();
        chart.podLabels().forEach((k, val) -> out.append(out.length() == 0 ? "" : ",").append(k).append('=').append(val));
        return out.toString();
    }

    /** This release's PostgreSQL pod. */
    public static String selector(ChartFacts chart, String release) {
        return selector(chart) + "," + chart.instanceLabel() + "=" + release;
    }
}
