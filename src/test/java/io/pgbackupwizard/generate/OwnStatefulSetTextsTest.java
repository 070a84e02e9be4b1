package io.pgbackupwizard.generate;

import static io.pgbackupwizard.testsupport.ManifestView.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.pgbackupwizard.generate.text.Explanation;
import io.pgbackupwizard.testsupport.ManifestView;

/**
 * What a release for your own StatefulSet says is made of its patch: the files it names are in the release (no
 * HelmChart, no values), the names it gives (StatefulSet, container, data volume and its claim) are the patch's, and
 * every explained part is in the patch.
 */
class OwnStatefulSetTextsTest {

    static Generated release(String paths) {
        return Generated.with("chartFamily", "statefulset", "installPath", paths, "name", "acme-db", "containerName",
                "pg", "dataVolume", "pgdata", "username", "postgres", "database", "postgres");
    }

    @ParameterizedTest
    @ValueSource(strings = { "kots", "kurl", "embedded-v2", "embedded-v3", "helm", "kots,kurl,embedded-v2,embedded-v3,helm" })
    void theStepsNameOnlyFilesOfTheReleaseAndThePatchsNames(String paths) {
        Generated g = release(paths);
        Set<String> files = g.release().files().keySet();
        assertTrue(files.contains("acme-db-statefulset-patch.yaml"), files::toString);
        assertFalse(files.stream().anyMatch(f -> f.endsWith("helmchart.yaml") || f.equals("backup-values.yaml")
                || f.equals("app-database-values.yaml")), () -> "no chart, no values: " + files);
        assertEquals(paths.contains("embedded-v3"), files.contains("config.yaml"), "a Config only for v3's storage");
        String readme = g.release().files().get("README.txt");
        Matcher named = Pattern.compile("\\b[\\w.-]+\\.(yaml|md|txt)\\b").matcher(readme);
        List<String> unknown = new ArrayList<>();
        while (named.find())
            if (!files.contains(named.group()) && !named.group().equals("velero-12.1.0.tgz"))
                unknown.add(named.group());
        assertEquals(List.of(), unknown, readme);

        Map<String, Object> patch = ManifestView.load(g.release().text(ReleaseFile.STATEFULSET_PATCH));
        String flat = readme.replaceAll("\\s+", " ");
        assertTrue(flat.contains("StatefulSet " + map(patch, "metadata").get("name")), readme);
        assertTrue(flat.contains("container " + ManifestView.valueAt(patch, "spec", "template", "spec", "containers", "0",
                "name")), readme);
        assertTrue(flat.contains("volume " + ManifestView.valueAt(patch, "spec", "template", "metadata", "annotations",
                "backup.velero.io/backup-volumes-excludes")), readme);
        assertFalse(readme.contains("Add the chart archive") || readme.contains("helm pull"), "no PostgreSQL chart to pull");
        assertTrue(readme.contains("for your StatefulSet \"acme-db\""), "the README names what it was made for");
        assertFalse(readme.contains("The values") || readme.contains("1.0.0"), "no values, no chart version: " + readme);
    }

    /** The runbook deletes the StatefulSet the patch names and the claim its data volume makes (data-sts-0). */
    @ParameterizedTest
    @ValueSource(strings = { "embedded-v3" })
    void theRunbookRemovesThePatchedStatefulSetAndItsClaim(String paths) {
        Generated g = release(paths);
        String runbook = g.release().text(ReleaseFile.RESTORE_RUNBOOK);
        assertTrue(runbook.contains("delete statefulset acme-db --wait"), runbook);
        assertTrue(runbook.contains("delete pvc pgdata-acme-db-0 --wait"), runbook);
    }

    @ParameterizedTest
    @ValueSource(strings = { "kots", "helm" })
    void everyExplainedPartIsInThePatch(String paths) {
        Generated g = release(paths);
        Map<String, Object> patch = ManifestView.load(g.release().text(ReleaseFile.STATEFULSET_PATCH));
        List<Explanation.Part> parts = Explanation.of(g.input(), g.release().hooks());
        assertFalse(parts.isEmpty());
        for (Explanation.Part part : parts)
            assertTrue(ManifestView.valueAt(patch, part.term().split("\\.")) != null, () -> part.term() + " not in " + patch);
        Map<String, Object> annotations = map(patch, "spec", "template", "metadata", "annotations");
        assertEquals(annotations.size(), parts.get(0).parts().size(), "each annotation explained once");
    }
}
