package io.pgbackupwizard.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.Yaml;

import io.pgbackupwizard.generate.Release;
import io.pgbackupwizard.generate.ReleaseFile;
import io.pgbackupwizard.model.Field;
import io.pgbackupwizard.model.FieldError;
import io.pgbackupwizard.model.WizardInputParser;
import io.pgbackupwizard.testsupport.ManifestView;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * For any parameters: accepted ones give manifests that parse back, whose hook annotations are Velero-readable
 * {@code ["/bin/bash", "-c", script]} arrays with scripts bash parses (every distinct script, checked in batches);
 * rejected ones only name known fields.
 */
@Tag("slow") // 10,000 generated inputs and bash: runs in mvn verify (Failsafe), not in mvn test
class ManifestProperties {

    private static final WizardInputParser PARSER = new WizardInputParser();
    private static final ScriptSyntax SYNTAX = new ScriptSyntax();

    @Provide
    Arbitrary<Map<String, String>> params() {
        return ArbitraryInputs.params();
    }

    // Edge cases off: combining 18 fields' edge cases costs more than it finds; the generators include them anyway.
    @Property(tries = 10_000, edgeCases = EdgeCasesMode.NONE)
    void acceptedInputGivesReadableHooksAndRejectedInputNamesKnownFields(@ForAll("params") Map<String, String> given) {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        given.forEach((k, v) -> raw.put(k, List.of(v)));
        WizardInputParser.Result parsed = PARSER.parse(raw);
        Statistics.label("verdict").collect(parsed.ok() ? "accepted" : "rejected");
        Statistics.label("verdict").coverage(c -> {
            c.check("accepted").percentage(p -> p > 20);
            c.check("rejected").percentage(p -> p > 20);
        });
        if (!parsed.ok()) {
            assertFalse(parsed.errors().isEmpty());
            for (FieldError e : parsed.errors()) {
                assertTrue(Field.params().contains(e.field()), () -> "unknown field in " + e);
                assertFalse(e.message().isBlank());
            }
            return;
        }
        Release release = Release.of(parsed.input());
        if (parsed.input().family().ownWorkload()) {
            // No HelmChart: the hooks are in the patch for the StatefulSet's pod template.
            Map<String, Object> hooks = ManifestView.map(ManifestView.load(release.text(ReleaseFile.STATEFULSET_PATCH)),
                    "spec", "template", "metadata", "annotations");
            // read by the same checks, as the pod keys of a chart whose keys sit at the top of its values
            String asValues = io.pgbackupwizard.generate.yaml.ManifestYaml.dump(io.pgbackupwizard.generate.yaml.Maps.map(
                    "spec", io.pgbackupwizard.generate.yaml.Maps.map("values",
                            io.pgbackupwizard.generate.yaml.Maps.map("podAnnotations", hooks))));
            checkRelease(asValues, release.files(), parsed.input().restoreHook(), given.toString(), SYNTAX);
            return;
        }
        if (parsed.input().family().backsItselfUp()) {
            // No hook, so no script: the files parse back and the HelmChart carries no hook annotation.
            release.files().forEach((name, text) -> {
                if (name.endsWith(".yaml"))
                    ManifestView.parse(text);
            });
            assertFalse(release.text(ReleaseFile.HELMCHART).contains("hook.backup.velero.io"),
                    "no hook on a cluster that backs itself up");
            return;
        }
        checkRelease(release.text(ReleaseFile.HELMCHART), release.files(), parsed.input().restoreHook(),
                given.toString(), SYNTAX);
    }

    /**
     * The property's check of one accepted input's release: every YAML file of its install path parses back, the backup hook
     * (and the
     * restore hook exactly when asked for) is a {@code ["/bin/bash", "-c", script]} array, and each script is queued
     * for bash's syntax check (which fails on {@link ScriptSyntax#flush}).
     */
    static void checkRelease(String helmChart, Map<String, String> files, boolean restoreWanted, String origin,
            ScriptSyntax syntax) {
        ManifestView helm = ManifestView.parse(helmChart);
        // Every YAML file of the install path parses back (the markdown runbook and README are not YAML; a chart's
        // templates are Go templates, which the render tests give to Helm).
        files.forEach((name, text) -> {
            if (name.endsWith(".yaml") && !name.contains("/templates/"))
                ManifestView.parse(text);
        });

        syntax.add(bashScript(helm.hookArgv(ManifestView.BACKUP_COMMAND)), "backup hook of " + origin);
        Optional<List<String>> restore = helm.hookArgv(ManifestView.RESTORE_COMMAND);
        assertEquals(restoreWanted, restore.isPresent(), "restore hook present iff asked for");
        if (restore.isPresent())
            syntax.add(bashScript(restore), "restore hook of " + origin);
    }

    private static String bashScript(Optional<List<String>> argv) {
        List<String> a = argv.orElseThrow(() -> new AssertionError("hook command missing"));
        assertEquals(3, a.size(), a::toString);
        assertEquals(List.of("/bin/bash", "-c"), a.subList(0, 2));
        assertFalse(a.get(2).isBlank());
        return a.get(2);
    }

    @AfterContainer
    static void checkRemainingScripts() {
        SYNTAX.flush();
        System.out.println("[ManifestProperties] bash parsed " + SYNTAX.checked() + " distinct hook scripts");
        assertTrue(SYNTAX.checked() >= 2_000, "too few distinct scripts syntax-checked: " + SYNTAX.checked());
    }

    @Example
    void syntaxCheckerCatchesQuotesThatOnlyBalanceAcrossScripts() {
        ScriptSyntax checker = new ScriptSyntax();
        checker.add("set -euo pipefail; pg_dump -U 'a b' -d \"$(cat \"$F\")\"", "a valid script");
        checker.add("echo 'opens a quote", "an opening quote");
        checker.add("echo closes it'", "a closing quote");
        AssertionError e = assertThrows(AssertionError.class, checker::flush);
        assertTrue(e.getMessage().contains("an opening quote") && e.getMessage().contains("a closing quote"), e::getMessage);
        assertFalse(e.getMessage().contains("a valid script"), e::getMessage);
        assertEquals(3, checker.checked());
    }

    @Example
    void syntaxCheckerCatchesABraceThatWouldEndItsFunction() {
        ScriptSyntax checker = new ScriptSyntax();
        checker.add("pg_dump -U x; }", "a stray brace");
        checker.add("echo fine", "a valid script");
        AssertionError e = assertThrows(AssertionError.class, checker::flush);
        assertTrue(e.getMessage().contains("a stray brace"), e::getMessage);
        assertFalse(e.getMessage().contains("a valid script"), e::getMessage);
    }

    @Example
    void syntaxCheckerPassesValidScripts() {
        ScriptSyntax checker = new ScriptSyntax();
        checker.add("set -e; rm -f '/x y/it'\\''s'; echo \"${A:-$(cat \"$B\")}\"", "quotes within quotes");
        checker.add("until pg_isready -q; do sleep 1; done; psql -f /s/backup.sql", "a loop");
        checker.flush();
        assertEquals(2, checker.checked());
    }

    // The property's own check, fed the default release with one part broken on purpose: each break must be caught.

    @Example
    void propertyCheckPassesTheDefaultRelease() {
        ScriptSyntax syntax = new ScriptSyntax();
        Release release = defaultRelease();
        checkRelease(release.text(ReleaseFile.HELMCHART), release.files(), true, "the defaults", syntax);
        syntax.flush();
        assertEquals(2, syntax.checked());
    }

    @Example
    void propertyCheckCatchesABrokenBackupScript() {
        String broken = withHook(ManifestView.BACKUP_COMMAND, "[\"/bin/bash\", \"-c\", \"pg_dump -f \\\"$(cat /x\"]");
        ScriptSyntax syntax = new ScriptSyntax();
        checkRelease(broken, defaultRelease().files(), true, "a broken backup", syntax);
        AssertionError e = assertThrows(AssertionError.class, syntax::flush);
        assertTrue(e.getMessage().contains("backup hook of a broken backup"), e::getMessage);
        assertFalse(e.getMessage().contains("restore hook"), e::getMessage);
    }

    @Example
    void propertyCheckCatchesABrokenRestoreScript() {
        String broken = withHook(ManifestView.RESTORE_COMMAND, "[\"/bin/bash\", \"-c\", \"psql -f /s/backup.sql; fi\"]");
        ScriptSyntax syntax = new ScriptSyntax();
        checkRelease(broken, defaultRelease().files(), true, "a broken restore", syntax);
        AssertionError e = assertThrows(AssertionError.class, syntax::flush);
        assertTrue(e.getMessage().contains("restore hook of a broken restore"), e::getMessage);
    }

    @Example
    void propertyCheckCatchesAHookVeleroWouldRunAsOneArgument() {
        String broken = withHook(ManifestView.BACKUP_COMMAND, "/bin/bash -c 'pg_dump -f /s/backup.sql'");
        AssertionError e = assertThrows(AssertionError.class, () -> checkRelease(broken, defaultRelease().files(),
                true, "a plain-string hook", new ScriptSyntax()));
        assertTrue(e.getMessage().contains("does not start with '['"), e::getMessage);
    }

    @Example
    void propertyCheckCatchesAMissingRestoreHook() {
        String broken = withHook(ManifestView.RESTORE_COMMAND, null);
        AssertionError e = assertThrows(AssertionError.class, () -> checkRelease(broken, defaultRelease().files(),
                true, "no restore hook", new ScriptSyntax()));
        assertTrue(e.getMessage().contains("restore hook present iff asked for"), e::getMessage);
    }

    private static Release defaultRelease() {
        WizardInputParser.Result parsed = PARSER.parse(Map.of());
        assertTrue(parsed.ok(), () -> parsed.errors().toString());
        return Release.of(parsed.input());
    }

    /** The default HelmChart with one pod annotation replaced (null: removed), written back as YAML. */
    private static String withHook(String annotation, String value) {
        String helmChart = defaultRelease().text(ReleaseFile.HELMCHART);
        Map<String, Object> doc = ManifestView.load(helmChart);
        Map<String, Object> annotations = ManifestView.map(doc, "spec", "values", ManifestView.parse(helmChart).podKey(),
                "podAnnotations");
        assertTrue(annotations.containsKey(annotation), () -> "the default release has " + annotation);
        if (value == null)
            annotations.remove(annotation);
        else
            annotations.put(annotation, value);
        return new Yaml().dump(doc);
    }
}
