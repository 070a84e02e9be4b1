package io.pgbackupwizard.generate;

import static io.pgbackupwizard.testsupport.ManifestView.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.pgbackupwizard.generate.text.Explanation;
import io.pgbackupwizard.generate.text.NextSteps;
import io.pgbackupwizard.testsupport.ManifestView;

/**
 * What a CloudNativePG release says is made of what it holds: the files it names are in the release, the config
 * items it names are on the config screen, the parts it explains are in the HelmChart, and nothing speaks of hooks.
 */
class CloudNativePgTextsTest {

    static Generated release(String paths) {
        return Generated.with("chartFamily", "cloudnativepg", "installPath", paths, "apiVersion", "kots.io/v1beta2");
    }

    @ParameterizedTest
    @ValueSource(strings = { "kots", "kurl", "embedded-v2", "embedded-v3", "helm", "kots,kurl,embedded-v2,embedded-v3,helm" })
    void theStepsNameOnlyFilesOfTheRelease(String paths) {
        Generated g = release(paths);
        Set<String> files = g.release().files().keySet();
        String readme = g.release().files().get("README.txt");
        Matcher named = Pattern.compile("\\b[\\w.-]+\\.(yaml|md|txt)\\b").matcher(readme.replaceAll("https?://\\S+", ""));
        List<String> unknown = new ArrayList<>();
        while (named.find()) {
            if (!files.contains(named.group()) && !named.group().equals("Chart.yaml") && !named.group().equals("values.yaml"))
                unknown.add(named.group());
        }
        assertEquals(List.of(), unknown, readme);
        assertTrue(files.contains("cnpg-operator-values.yaml"), "the operator's values the steps install it with");
        assertFalse(files.contains("velero-schedule.yaml"), "no Schedule selecting a pod the operator makes");
        assertFalse(readme.toLowerCase().contains("hook"), readme);
        assertFalse(readme.contains("scratch"), readme);
    }

    /** The titles the steps and the runbook quote are the Config's own items. */
    @Test
    void theConfigItemsTheTextsQuoteAreOnTheConfigScreen() {
        Generated g = release("kots,embedded-v3");
        List<String> titles = new ArrayList<>();
        for (Object group : (List<?>) map(g.config(), "spec").get("groups")) {
            titles.add((String) ((Map<?, ?>) group).get("title"));
            for (Object item : (List<?>) ((Map<?, ?>) group).get("items"))
                titles.add((String) ((Map<?, ?>) item).get("title"));
        }
        String texts = g.release().files().get("README.txt") + g.release().text(ReleaseFile.RESTORE_RUNBOOK);
        Matcher quoted = Pattern.compile("\"([A-Z][^\"]+)\"").matcher(texts.replaceAll("\\s+", " "));
        List<String> quotedTitles = new ArrayList<>();
        while (quoted.find())
            quotedTitles.add(quoted.group(1));
        assertFalse(quotedTitles.isEmpty());
        for (String t : quotedTitles)
            assertTrue(titles.contains(t), () -> "\"" + t + "\" is not a Config title: " + titles);
        assertNull(findItem(g, "embedded_postgres_password"), "the operator makes the password; no Config item for it");
    }

    private static Object findItem(Generated g, String name) {
        for (Object group : (List<?>) map(g.config(), "spec").get("groups"))
            for (Object item : (List<?>) ((Map<?, ?>) group).get("items"))
                if (name.equals(((Map<?, ?>) item).get("name")))
                    return item;
        return null;
    }

    /** Each explained part is a path of the file it explains (the HelmChart, or the Helm CLI values). */
    @ParameterizedTest
    @ValueSource(strings = { "kots", "helm" })
    void everyExplainedPartIsInTheFile(String path) {
        Generated g = release(path);
        Map<String, Object> file = path.equals("helm") ? ManifestView.load(g.release().files().get("backup-values.yaml"))
                : g.helmChart();
        for (Explanation.Part part : Explanation.of(g.input(), g.release().hooks())) {
            List<String> keys = List.of(part.term().split("\\."));
            List<String> at = path.equals("helm") ? keys
                    : keys.get(0).equals("values")
                            ? prepend("spec", keys)
                            : keys;
            assertTrue(ManifestView.valueAt(file, at.toArray(String[]::new)) != null,
                    () -> part.term() + " is not in " + file);
        }
        assertFalse(Explanation.of(g.input(), g.release().hooks()).isEmpty());
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> out = new ArrayList<>(List.of(first));
        out.addAll(rest);
        return out;
    }

    /** The page's steps and README.txt are the same steps. */
    @Test
    void theReadmeIsThePagesSteps() {
        Generated g = release("kots,helm");
        String readme = g.release().files().get("README.txt").replaceAll("\\s+", " ");
        for (NextSteps.Step s : NextSteps.of(g.input()))
            assertTrue(readme.contains(s.title()), s.title());
        assertTrue(NextSteps.of(g.input()).stream().map(NextSteps.Step::title).collect(Collectors.toSet())
                .contains("Install the operator and the plugin first"));
    }
}
