package io.pgbackupwizard.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.pgbackupwizard.generate.migrate.MigrationConfig;
import io.pgbackupwizard.testsupport.ChartRenderer;
import io.pgbackupwizard.testsupport.KotsRenderer;
import io.pgbackupwizard.testsupport.ManifestView;
import io.pgbackupwizard.testsupport.MigrationJob;
import io.pgbackupwizard.testsupport.RenderedPod;

/**
 * What the migration guide and the README say is made of the release: every file they name is in it (or is the .tgz
 * the vendor makes), and every name, weight, timeout and command they give is the one the rendered charts have: the
 * Job's name and image (the migration chart rendered by Helm), the old chart's pod, container, password variable and
 * volume claim (the Bitnami chart rendered by Helm), the Config switch's title.
 */
class MigrationGuideTest {

    @ParameterizedTest(name = "Bitnami {0} to {1} {2} on {3}")
    @CsvSource({ "11.9.13, groundhog2k, 1.6.7, kots", "16.7.27, cloudpirates, 0.20.1, kots;kurl",
            "17.1.0, groundhog2k, 1.5.14, kots;embedded-v2;embedded-v3", "17.1.0, cloudpirates, 0.16.2, embedded-v3" })
    void theGuideSaysWhatTheChartsDo(String source, String family, String target, String paths) {
        Generated g = Generated.with("chartFamily", family, "chartVersion", target, "name", "orders-db", "migrateFrom",
                source, "migrateFromRelease", "orders-pg", "installPath", paths.replace(';', ','), "database", "orders");
        Map<String, String> files = g.release().files();
        String guide = files.get("migration.md");
        String readme = files.get("README.txt");
        String flat = guide.replaceAll("\\s+", " ");

        Matcher named = Pattern.compile("[\\w./-]+\\.(yaml|md|txt|tgz)\\b").matcher(guide + readme);
        List<String> unknown = new ArrayList<>();
        Set<String> made = Set.of(g.input().family().chartName() + "-" + target + ".tgz", "pgbw-migration-1.0.0.tgz",
                "velero-12.1.0.tgz");
        while (named.find()) {
            if (!files.containsKey(named.group()) && !made.contains(named.group()))
                unknown.add(named.group());
        }
        assertEquals(List.of(), unknown, "files the texts name that the release lacks");
        assertTrue(files.keySet().containsAll(List.of("pgbw-migration/Chart.yaml", "pgbw-migration/values.yaml",
                "pgbw-migration/templates/copy.yaml", "pgbw-migration/files/copy.sh")), files.keySet()::toString);

        Map<String, Object> helmChart = ManifestView.load(files.get("orders-db-migration-helmchart.yaml"));
        KotsRenderer.Result kots = new KotsRenderer.Inputs(Map.of(MigrationConfig.REPLACE, "0", g.input().typeOption(),
                g.input().embeddedValue()), Map.of(), null).render(files.get("orders-db-migration-helmchart.yaml"));
        MigrationJob job = MigrationJob.render(g.release(), kots.releaseName(), kots.values());
        String jobName = ManifestView.string(job.rendered().ofKind("Job").get(0), "metadata", "name");
        assertTrue(flat.contains("logs job/" + jobName + "`"), guide);
        assertTrue(flat.contains("delete job " + jobName), guide);
        assertTrue(flat.contains("(`" + job.container().get("image") + "`"), guide);
        assertTrue(flat.contains("(`" + kots.releaseName() + "`, weight " + ManifestView.valueAt(helmChart, "spec",
                "weight") + ")"), guide);
        assertTrue(flat.contains("weight above " + ManifestView.valueAt(helmChart, "spec", "weight")), guide);
        assertTrue(flat.contains("up to " + ManifestView.list(helmChart, "spec", "helmUpgradeFlags").get(1)), guide);
        assertTrue(flat.contains("the old database `" + job.env().get("SOURCE_DB") + "`"), guide);
        String gate = ManifestView.string(job.gate(), "metadata", "name");
        assertTrue(flat.contains("moves to the new database through `" + gate + "`"), guide);
        assertTrue(flat.contains("resolves to the new server, `" + job.env().get("TARGET_HOST") + "`"), guide);
        assertTrue(flat.contains("delete service " + gate), guide);
        assertTrue(flat.contains("The old chart is the release `orders-pg`, the new one `orders-db`"), guide);

        // the old chart as the customer runs it: its pod, container, password variable and data claim
        ChartRenderer.Rendered old = ChartRenderer.render(source, "orders-pg", Map.of()).requireOk();
        RenderedPod pod = RenderedPod.of(old);
        Map<String, Object> sts = old.ofKind("StatefulSet").get(0);
        String podName = ManifestView.string(sts, "metadata", "name") + "-0";
        String claim = ManifestView.string(sts, "spec", "volumeClaimTemplates", "0", "metadata", "name") + "-" + podName;
        assertTrue(flat.contains("delete pvc " + claim), guide);
        assertTrue(flat.contains("stays in `" + claim + "`"), guide);
        // the rollback: the password from the Secret the Job reads, into psql in the old chart's container
        Matcher thaw = Pattern.compile("get secret (\\S+) -o go-template='\\{\\{index \\.data \"([^\"]+)\" \\| "
                + "base64decode}}' \\| kubectl -n <app-namespace> exec -i (\\S+) -c (\\S+) -- bash -c").matcher(flat);
        assertTrue(thaw.find(), guide);
        Map<?, ?> secretRef = (Map<?, ?>) job.env().get("SOURCE_PASSWORD");
        assertEquals(secretRef.get("name"), thaw.group(1));
        assertEquals(secretRef.get("key"), thaw.group(2));
        assertEquals(podName, thaw.group(3));
        assertTrue(pod.containerNames().contains(thaw.group(4)), () -> thaw.group(4) + " in " + pod.containerNames());
        assertTrue(old.ofKind("Secret").stream().anyMatch(sec -> ManifestView.string(sec, "metadata", "name")
                .equals(thaw.group(1)) && ManifestView.map(sec, "data").containsKey(thaw.group(2))),
                "the old chart's Secret holds the key");

        Map<String, Object> config = ManifestView.load(files.get("config.yaml"));
        String replaceTitle = ManifestView.list(config, "spec", "groups").stream().map(o -> (Map<?, ?>) o)
                .filter(grp -> grp.get("name").equals(MigrationConfig.GROUP))
                .map(grp -> (String) ((Map<?, ?>) ((List<?>) grp.get("items")).get(0)).get("title")).findFirst()
                .orElseThrow();
        assertTrue(flat.contains("\"" + replaceTitle + "\" on the config screen"), guide);
        assertTrue(readme.replaceAll("\\s+", " ").contains("Move your customers' data off the Bitnami chart"), readme);
    }
}
