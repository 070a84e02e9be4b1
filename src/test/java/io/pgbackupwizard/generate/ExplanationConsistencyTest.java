package io.pgbackupwizard.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.pgbackupwizard.generate.text.Explanation;
import io.pgbackupwizard.model.DumpFormat;
import io.pgbackupwizard.model.HookUser;
import io.pgbackupwizard.model.InstallPath;
import io.pgbackupwizard.model.OnError;
import io.pgbackupwizard.testsupport.ManifestView;

/**
 * Every sentence about the files says what the files do: for every install path x dump format x on-error x hook user,
 * the page's explanation names exactly the annotations the main file has, with the values it has, and the dump file
 * and the tool the scripts in that file use; the customer-facing texts (Helm CLI README, Embedded Cluster v3 runbook,
 * README.txt) name the same tool. The file is read back from its YAML, not from the generator's maps.
 */
class ExplanationConsistencyTest {

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        for (InstallPath path : InstallPath.values()) {
            for (DumpFormat format : DumpFormat.values()) {
                for (OnError onError : OnError.values()) {
                    for (HookUser user : HookUser.values()) {
                        for (String chart : List.of("17.1.0", "9.8.12")) {
                            if (user == HookUser.postgres && chart.startsWith("9."))
                                continue; // postgres needs chart 11+
                            if (path == InstallPath.EMBEDDED_V3 && chart.startsWith("9."))
                                continue;
                            all.add(Arguments.of(path, format, onError, user, chart));
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("combinations")
    void theTextsSayWhatTheFilesDo(InstallPath path, DumpFormat format, OnError onError, HookUser user, String chart) {
        Generated g = Generated.with("installPath", path.value(), "dumpFormat", format.name(), "onError", onError.name(),
                "restoreOnError", onError.name(), "hookUser", user.name(), "chartVersion", chart);
        boolean helm = path == InstallPath.HELM;
        Map<String, Object> file = ManifestView
                .load(helm ? g.release().text(ReleaseFile.HELM_VALUES) : g.release().text(ReleaseFile.HELMCHART));
        String podKey = g.input().chart().podKey();
        Map<String, Object> written = helm ? ManifestView.map(file, "postgresql", podKey, "podAnnotations")
                : ManifestView.map(file, "spec", "values", podKey, "podAnnotations");

        List<Explanation.Part> parts = Explanation.of(g.input(), g.release().hooks());
        Explanation.Part annotations = parts.stream().filter(p -> p.term().endsWith(".podAnnotations")).findFirst()
                .orElseThrow();
        assertEquals((helm ? "postgresql." : "values.") + podKey + ".podAnnotations", annotations.term());
        Map<String, String> explained = new LinkedHashMap<>();
        for (Explanation.Part a : annotations.parts()) {
            int colon = a.term().indexOf(": ");
            explained.put(colon < 0 ? a.term() : a.term().substring(0, colon),
                    colon < 0 ? null : a.term().substring(colon + 2));
        }
        assertEquals(written.keySet(), explained.keySet(), "explained exactly the annotations written");
        explained.forEach((key, shown) -> {
            if (shown != null)
                assertEquals(String.valueOf(written.get(key)), shown, key + " shown as written");
        });

        // The dump file and the tools, as the scripts in the file use them.
        String backup = ManifestView.veleroArgv("backup", String.valueOf(written.get("pre.hook.backup.velero.io/command")))
                .get(2);
        String restore = written.containsKey("post.hook.restore.velero.io/command") ? ManifestView.veleroArgv("restore",
                String.valueOf(written.get("post.hook.restore.velero.io/command"))).get(2) : "";
        String loader = restore.contains("pg_restore ") ? "pg_restore" : "psql";
        String other = loader.equals("pg_restore") ? "psql" : "pg_restore";
        java.util.regex.Matcher moved = java.util.regex.Pattern.compile("mv -f \"\\$tmp\" '?([^' ;]+)'?").matcher(backup);
        assertTrue(moved.find(), "the backup script renames its dump into place: " + backup);
        String dumpPath = moved.group(1);
        String all = String.join("\n", parts.stream().flatMap(p -> Stream.concat(Stream.of(p), p.parts().stream()))
                .map(p -> p.term() + " " + p.text()).toList());
        assertTrue(all.contains(" " + dumpPath + " "), "names the dump the script writes, " + dumpPath + ": " + all);
        assertTrue(all.contains("with " + loader + " "), "names the loader the restore script uses (" + loader + ")");
        assertFalse(all.contains("with " + other + " "), "names no other loader");
        assertTrue(restore.isEmpty() || restore.contains(dumpPath), "the restore loads that dump: " + restore);
        assertEquals(format == DumpFormat.custom, backup.contains("pg_dump -Fc"), backup);
        assertEquals(backup.contains("pg_dump -Fc"), all.contains("-Fc"), "says which format the script dumps: " + all);
        assertEquals(backup.contains("pg_largeobject_metadata"), all.contains("large objects is refused"),
                "speaks of refusing large objects exactly when the backup script refuses them: " + all);
        assertFalse(all.contains("Not written"), "every annotation explained is written");
        assertTrue(all.contains(": " + onError.name()), "on-error shown with its value");
        if (helm) {
            assertFalse(all.contains("spec.exclude") || all.contains("repl{{"), "no KOTS parts on the Helm CLI path: " + all);
        }

        // What the customer and the vendor's engineer read.
        String tool = "`" + loader + "`";
        if (helm)
            assertTrue(
                    g.release().text(ReleaseFile.HELM_README).contains(tool)
                            && !g.release().text(ReleaseFile.HELM_README).contains("`" + other + "`"),
                    g.release().text(ReleaseFile.HELM_README));
        if (path == InstallPath.EMBEDDED_V3)
            assertTrue(g.release().text(ReleaseFile.RESTORE_RUNBOOK).contains(tool)
                    && !g.release().text(ReleaseFile.RESTORE_RUNBOOK).contains("`" + other + "`"),
                    g.release().text(ReleaseFile.RESTORE_RUNBOOK));
    }
}
