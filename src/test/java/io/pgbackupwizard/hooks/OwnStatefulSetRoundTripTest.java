package io.pgbackupwizard.hooks;

import static io.pgbackupwizard.testsupport.ManifestView.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.pgbackupwizard.generate.Release;
import io.pgbackupwizard.generate.ReleaseFile;
import io.pgbackupwizard.hooks.RealPods.Outcome;
import io.pgbackupwizard.hooks.RealPods.Timing;
import io.pgbackupwizard.model.WizardInputParser;
import io.pgbackupwizard.testsupport.ChartRenderer;
import io.pgbackupwizard.testsupport.ManifestView;
import io.pgbackupwizard.testsupport.OfficialImages;
import io.pgbackupwizard.testsupport.PodmanPod;
import io.pgbackupwizard.testsupport.RenderedPod;
import io.pgbackupwizard.testsupport.TestParams;

/**
 * Your own StatefulSet: a vendor chart in Chartsmith's shape (src/test/resources/charts/vendor-statefulset, written
 * for this test: container postgresql, a data claim, the official image's variables) rendered with real Helm, the
 * wizard's statefulset-patch.yaml applied to it as kubectl patch --type strategic and kustomize apply it (maps merged,
 * containers, volumes and mounts by name), then backed up and restored in a real container through the official
 * entrypoint's first boot: with $POSTGRES_PASSWORD, and with $POSTGRES_PASSWORD_FILE and no POSTGRES_USER (postgres).
 * Stand-ins: the merge is the test's (the API server's strategic merge is not run), the official image is the
 * project's PostgreSQL 17 stand-in (official-like.sh).
 */
@Tag("slow")
class OwnStatefulSetRoundTripTest {

    static final Path CHART = Path.of("src/test/resources/charts/vendor-statefulset");

    @ParameterizedTest(name = "user {0}, password file {1}, {2}")
    @CsvSource({ "app_user, false, custom", "'', true, plain" })
    void thePatchedStatefulSetBacksUpAndRestores(String user, boolean passwordFile, String format) {
        String hookUser = user.isEmpty() ? "postgres" : user; // the official image's default superuser
        Map<String, List<String>> params = TestParams.of("chartFamily", "statefulset", "name", "acme-postgresql",
                "containerName", "postgresql", "dataVolume", "data", "username", hookUser, "database",
                user.isEmpty() ? "postgres" : "appdb", "dumpFormat", format, "installPath", "kots,helm");
        WizardInputParser.Result parsed = new WizardInputParser().parse(params);
        assertTrue(parsed.ok(), () -> parsed.errors().toString());
        Release release = Release.of(parsed.input());
        Map<String, Object> patch = ManifestView.load(release.text(ReleaseFile.STATEFULSET_PATCH));

        Map<String, String> sets = new LinkedHashMap<>(Map.of("passwordFile", String.valueOf(passwordFile)));
        if (!user.isEmpty()) {
            sets.put("user", user);
            sets.put("database", "appdb");
        }
        ChartRenderer.Rendered rendered = ChartRenderer.renderDir(CHART, "acme", "app", "{}", sets).requireOk();
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Map<String, Object> o : rendered.objects()) {
            boolean target = "StatefulSet".equals(o.get("kind"))
                    && map(patch, "metadata").get("name").equals(map(o, "metadata").get("name"));
            objects.add(target ? StrategicMerge.apply(o, patch) : o);
        }
        RenderedPod pod = RenderedPod.of(new ChartRenderer.Rendered("vendor", "acme", objects, null));

        // The hooks exec in the PostgreSQL container, where the scratch is mounted; Velero copies only the scratch.
        Map<String, Object> annotations = pod.annotations();
        assertEquals("postgresql", annotations.get("pre.hook.backup.velero.io/container"));
        assertTrue(pod.writableMounts("postgresql").stream().anyMatch(m -> m.volume().equals("backup")
                && m.mountPath().equals(parsed.input().mountPath())), () -> pod.writableMounts("postgresql").toString());
        List<String> excludes = List.of(((String) annotations.get("backup.velero.io/backup-volumes-excludes")).split(","));
        assertEquals(List.of("backup"), pod.volumeNames().stream().filter(pod::copyableVolume)
                .filter(v -> !excludes.contains(v)).toList(), "opt-out copies only the scratch");
        assertEquals(List.of("postgresql"), pod.containerNames(), "merged by name: no second container");
        // The runbook and the Schedule select the pod by the labels the patch adds; the vendor's selector is untouched.
        String runbookSelector = io.pgbackupwizard.generate.velero.PostgresPodLabels.selector(parsed.input().chart(), "",
                parsed.input().name());
        for (String pair : runbookSelector.split(",")) {
            String[] kv = pair.split("=", 2);
            assertEquals(kv[1], pod.labels().get(kv[0]), () -> runbookSelector + " vs " + pod.labels());
        }

        Outcome o = RealPods.roundTripOk(pod, OfficialImages.forMajor(17), Timing.IMMEDIATE, PodmanPod.Options.NONE);
        assertEquals(List.of(), o.scratchAfterRestore(), "the restore deletes the dump it loaded");
        assertTrue(o.log().contains("PostgreSQL init process complete"), () -> o.log());
        System.out.printf("[harness] own StatefulSet, user %s, password file %s, %s: backup %d ms, restore %d ms%n",
                hookUser, passwordFile, format, o.backupMillis(), o.restoreMillis());
    }

    /** kubectl patch --type strategic for the lists a pod template has: containers, volumes and mounts by name. */
    static final class StrategicMerge {
        private StrategicMerge() {
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> apply(Map<String, Object> into, Map<String, Object> patch) {
            Map<String, Object> out = new LinkedHashMap<>(into);
            patch.forEach((k, v) -> {
                Object old = out.get(k);
                if (old instanceof Map<?, ?> m && v instanceof Map<?, ?> p)
                    out.put(k, apply((Map<String, Object>) m, (Map<String, Object>) p));
                else if (old instanceof List<?> l && v instanceof List<?> p && List.of("containers", "volumes",
                        "volumeMounts", "initContainers").contains(k))
                    out.put(k, byName((List<Map<String, Object>>) l, (List<Map<String, Object>>) p));
                else
                    out.put(k, v);
            });
            return out;
        }

        private static List<Map<String, Object>> byName(List<Map<String, Object>> into, List<Map<String, Object>> patch) {
            List<Map<String, Object>> out = new ArrayList<>(into);
            for (Map<String, Object> p : patch) {
                int at = -1;
                for (int i = 0; i < out.size(); i++)
                    if (p.get("name").equals(out.get(i).get("name")))
                        at = i;
                if (at < 0)
                    out.add(p);
                else
                    out.set(at, apply(out.get(at), p));
            }
            return out;
        }
    }
}
