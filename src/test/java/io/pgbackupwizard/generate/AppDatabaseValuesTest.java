package io.pgbackupwizard.generate;

import static io.pgbackupwizard.testsupport.ManifestView.load;
import static io.pgbackupwizard.testsupport.ManifestView.valueAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.pgbackupwizard.generate.kots.AppDatabaseValues;
import io.pgbackupwizard.testsupport.ChartRenderer;

/**
 * The application's database values, read back as YAML: the embedded connection names the chart's Service as the
 * chart computes it, with the password from the very ConfigOption the HelmChart uses, and the external one the
 * Config's items; each picked by the same ConfigOptionEquals the HelmChart's exclude uses.
 */
class AppDatabaseValuesTest {

    @ParameterizedTest(name = "name={0} -> service {1}")
    @CsvSource({
            "postgresql,        postgresql", // the chart's own name: KOTS's default release name
            "orders-db,         orders-db-postgresql",
            "orders-postgresql, orders-postgresql", // contains the chart name: used as it is
            "postgresql-main,   postgresql-main" })
    void embeddedHostIsTheChartsServiceInTheAppNamespace(String name, String service) {
        Generated g = Generated.with("name", name, "chartVersion", "17.1.0", "username", "app", "database", "orders",
                "passwordOption", "db_password");
        Map<String, Object> values = load(g.release().text(ReleaseFile.APP_VALUES));
        List<?> optional = (List<?>) values.get("optionalValues");
        assertEquals(2, optional.size());
        Object embedded = optional.get(0);
        assertEquals("repl{{ ConfigOptionEquals \"postgres_type\" \"embedded_postgres\" }}", valueAt(embedded, "when"));
        assertEquals(service + ".repl{{ Namespace }}.svc", valueAt(embedded, "values", "database", "host"));
        assertEquals("5432", valueAt(embedded, "values", "database", "port"));
        assertEquals("app", valueAt(embedded, "values", "database", "user"));
        assertEquals("orders", valueAt(embedded, "values", "database", "name"));
        assertEquals("repl{{ ConfigOption \"db_password\" }}", valueAt(embedded, "values", "database", "password"));
        assertTrue(g.release().text(ReleaseFile.HELMCHART).contains("repl{{ ConfigOption \"db_password\" }}"),
                "the same ConfigOption the chart's password comes from");
    }

    @Test
    void externalChoiceReadsTheConfigsItemsAndMatchesTheHelmChartsExclude() {
        Generated g = Generated.with("externalValue", "byo_db");
        Object external = ((List<?>) load(g.release().text(ReleaseFile.APP_VALUES)).get("optionalValues")).get(1);
        Object exclude = valueAt(load(g.release().text(ReleaseFile.HELMCHART)), "spec", "exclude");
        assertEquals(exclude, valueAt(external, "when"),
                "the app uses the external database exactly when the chart is left out");
        Map<String, Object> config = load(g.release().text(ReleaseFile.CONFIG));
        String configText = g.release().text(ReleaseFile.CONFIG);
        for (String key : List.of("host", "port", "user", "name", "password")) {
            String value = (String) valueAt(external, "values", "database", key);
            String item = value.replaceAll("^repl\\{\\{ ConfigOption \"([^\"]+)\" }}$", "$1");
            assertTrue(item.startsWith("byo_db_"), value);
            assertTrue(configText.contains("name: " + item), () -> item + " is defined in the Config: " + config);
        }
    }

    @Test
    void withoutTheChoiceTheValuesAreAlwaysTheEmbeddedOnes() {
        Map<String, Object> values = load(Generated.with("allowExternal", "false").release().text(ReleaseFile.APP_VALUES));
        assertNull(values.get("optionalValues"));
        assertEquals("postgresql.repl{{ Namespace }}.svc", valueAt(values, "values", "database", "host"));
    }

    @Test
    void longNamesAreCutAt63WithoutATrailingDash() {
        String release = "a".repeat(52) + "-b"; // 54 + "-postgresql" = 65
        String full = AppDatabaseValues.fullname(release, "postgresql");
        assertEquals(63, full.length());
        assertEquals(release + "-postgres", full);
        assertEquals("a".repeat(62), AppDatabaseValues.fullname("a".repeat(62) + "-x", "postgresql"),
                "cut after the dash: no trailing dash");
    }

    /** The rule the generator copies is the one every reference chart generation's templates define. */
    @Test
    void everyChartGenerationComputesTheFullnameThisWay() throws IOException {
        List<Path> dirs = ChartRenderer.versions().stream().map(ChartRenderer::chartDir).toList();
        assertTrue(dirs.size() >= 9, "reference charts: " + dirs);
        for (Path dir : dirs) {
            Path names = dir.resolve("charts/common/templates/_names.tpl");
            Path helpers = Files.isRegularFile(names) ? names : dir.resolve("templates/_helpers.tpl");
            String text = Files.readString(helpers);
            String define = Files.isRegularFile(names) ? "define \"common.names.fullname\"" : "define \"postgresql.fullname\"";
            int at = text.indexOf(define);
            assertTrue(at >= 0, helpers + " defines the fullname");
            String body = text.substring(at, text.indexOf("{{- end -}}\n{{- end -}}", at));
            // Chart 17 first lower-cases the release name and replaces characters outside [a-z0-9-]: a no-op for
            // the HelmChart's name, which is a DNS-1123 label; the rule is then the same.
            String normalise = "{{- $releaseName := regexReplaceAll \"(-?[^a-z\\\\d\\\\-])+-?\" (lower .Release.Name) \"-\" -}}\n";
            if (body.contains(normalise))
                body = body.replace(normalise, "").replace("$releaseName", ".Release.Name");
            assertTrue(body.contains("{{- $name := default .Chart.Name .Values.nameOverride -}}"), helpers + ": " + body);
            assertTrue(body.contains("{{- if contains $name .Release.Name -}}"), helpers + ": " + body);
            assertTrue(body.contains("{{- .Release.Name | trunc 63 | trimSuffix \"-\" -}}"), helpers + ": " + body);
            assertTrue(body.contains("{{- printf \"%s-%s\" .Release.Name $name | trunc 63 | trimSuffix \"-\" -}}"),
                    helpers + ": " + body);
        }
    }
}
