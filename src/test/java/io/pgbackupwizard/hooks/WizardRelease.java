package io.pgbackupwizard.hooks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pgbackupwizard.generate.Release;
import io.pgbackupwizard.generate.ReleaseFile;
import io.pgbackupwizard.model.WizardInputParser;
import io.pgbackupwizard.testsupport.KotsRenderer;

/** The wizard's HelmChart for a chart version, turned into Helm values by KOTS with a hostile config password. */
final class WizardRelease {
    private WizardRelease() {
    }

    /** Not containing "postgresql", so charts up to 10.x name the container "myapp-postgresql". */
    static final String RELEASE = "myapp";
    static final String MOUNT = "/scratch";
    static final String PASSWORD = "pa'ss \"wo$rd\\ `touch canary` $(touch canary) ü🐘";
    /** The superuser's, where the release sets one (groundhog2k): as hostile, and not the user's. */
    static final String SUPERUSER_PASSWORD = "$(touch canary2) 'root' \\ü";

    static Release release(String version, Map<String, String> params) {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        raw.put("name", List.of(RELEASE));
        raw.put("chartVersion", List.of(version));
        raw.put("mountPath", List.of(MOUNT));
        params.forEach((k, v) -> raw.put(k, List.of(v)));
        WizardInputParser.Result r = new WizardInputParser().parse(raw);
        assertTrue(r.ok(), () -> "input rejected: " + r.errors());
        return Release.of(r.input());
    }

    /** KOTS-rendered values plus {@code extra} (top-level keys, as a vendor's own values would add). */
    static Map<String, Object> values(String version, Map<String, String> params, Map<String, Object> extra) {
        Release release = release(version, params);
        KotsRenderer.Result k = new KotsRenderer.Inputs(Map.of(release.input().passwordOption(), PASSWORD,
                release.input().superuserPasswordOption(), SUPERUSER_PASSWORD,
                release.input().typeOption(), release.input().embeddedValue()),
                Map.of("isSnapshotSupported", "true", "appSlug", "my-app"), null)
                .render(release.text(ReleaseFile.HELMCHART));
        assertFalse(k.excluded(), "embedded PostgreSQL chosen, yet the chart is excluded");
        assertTrue(k.releaseName().equals(release.input().name()));
        Map<String, Object> values = new LinkedHashMap<>(k.values());
        values.putAll(extra);
        return values;
    }
}
