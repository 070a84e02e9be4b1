package io.pgbackupwizard.generate;

import io.pgbackupwizard.model.ChartVersion;
import java.util.Map;

/**
 * Labels every release of the Bitnami chart puts on its PostgreSQL (primary) pod, whatever the release is called:
 * 8.x writes app/role, 9.x the app.kubernetes.io/name label with role, 10.0 and later the component label.
 */
final class PostgresPodLabels {
    private PostgresPodLabels() {}

    static Map<String, Object> of(ChartVersion v) {
        if (v.major() <= 8) return Maps.map("app", "postgresql", "role", "master");
        if (v.major() == 9) return Maps.map("app.kubernetes.io/name", "postgresql", "role", "master");
        return Maps.map("app.kubernetes.io/name", "postgresql", "app.kubernetes.io/component", "primary");
    }

    /** The same as a kubectl -l selector. */
    static String selector(ChartVersion v) {
        StringBuilder out = new StringBuilder();
        of(v).forEach((k, val) -> out.append(out.length() == 0 ? "" : ",").append(k).append('=').append(val));
        return out.toString();
    }
}
