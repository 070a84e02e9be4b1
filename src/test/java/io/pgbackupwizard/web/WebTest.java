package io.pgbackupwizard.web;

import static io.pgbackupwizard.testsupport.ManifestView.load;
import static io.pgbackupwizard.testsupport.ManifestView.valueAt;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.pgbackupwizard.model.BadValues;
import io.pgbackupwizard.model.Field;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The service over HTTP: the page, the downloads, the JSON API, plain-text help, health, metrics, OpenAPI. */
@QuarkusTest
class WebTest {

    /** The management interface's root (/q/ on its own port). */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    static final String YAML_TYPE = "application/yaml";
    /** Fields drawn as radio buttons: an invalid value has no button to show it in (a select shows it as an extra option). */
    static final Set<Field> CHOICE_FIELDS = Set.of(Field.ALLOW_EXTERNAL, Field.RESTORE_HOOK);

    // ---- helpers -------------------------------------------------------------------------------

    /** Text as Qute's HTML escaping writes it. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    static String unhtml(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&amp;", "&");
    }

    /** The form field's block on the page (label, control, help, error); blocks hold no nested div. */
    static String fieldBlock(String page, String param) {
        Matcher m = Pattern.compile("(?s)data-field=\"" + Pattern.quote(param) + "\"[^>]*>(.*?)</div>").matcher(page);
        assertTrue(m.find(), () -> "the page has a field " + param);
        return m.group(1);
    }

    /** Whether the control shows this value: a text input's value, a selected option, a checked radio or checkboxes. */
    static boolean showsValue(String block, String param, String value) {
        String v = Pattern.quote(html(value));
        String p = Pattern.quote(param);
        return Pattern.compile("<input type=\"text\"[^>]* name=\"" + p + "\" value=\"" + v + "\"").matcher(block).find()
                || Pattern.compile("<option value=\"" + v + "\" selected>").matcher(block).find()
                || Pattern.compile("<input type=\"radio\" name=\"" + p + "\" value=\"" + v + "\" checked[^>]*>").matcher(block)
                        .find()
                || java.util.Arrays.stream(value.split(",")).allMatch(one -> block.contains(
                        "<input type=\"checkbox\" name=\"" + html(param) + "\" value=\"" + html(one) + "\" checked"));
    }

    /** Content of the element with this id (a pre or p without nested elements), unescaped. */
    static String elementText(String page, String id) {
        Matcher m = Pattern.compile("(?s)id=\"" + Pattern.quote(id) + "\"[^>]*>(?:<code[^>]*>)?(.*?)</").matcher(page);
        assertTrue(m.find(), () -> "the page has #" + id);
        return unhtml(m.group(1));
    }

    static List<String> jsonArray(String json) {
        try {
            return List.of(new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, String[].class));
        } catch (IOException e) {
            throw new AssertionError("not a JSON array of strings: " + json, e);
        }
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;)
                entries.put(e.getName(), in.readAllBytes());
        }
        return entries;
    }

    static Stream<BadValues.Bad> badValues() {
        return BadValues.all();
    }

    // ---- the page ------------------------------------------------------------------------------

    @Test
    void thePageShowsEveryFieldWithItsDefaultAndHelp() {
        String page = given().accept("text/html").get("/")
                .then().statusCode(200).contentType(ContentType.HTML).extract().asString();
        for (Field f : Field.values()) {
            String block = fieldBlock(page, f.param());
            assertTrue(showsValue(block, f.param(), f.defaultValue()), () -> f.param() + " shows its default: " + block);
            assertTrue(block.contains(html(f.help())), () -> f.param() + " shows its help: " + block);
            assertTrue(block.contains("id=\"" + f.param() + "-error\" hidden"), () -> f.param() + " shows no error");
        }
        assertTrue(page.contains("pre.hook.backup.velero.io/command"), "valid defaults: the files are previewed");
        Matcher example = Pattern.compile("id=\"preset-kots-docs-2020\" href=\"([^\"]*)\"").matcher(page);
        assertTrue(example.find(), "the 2020 reference example is one link away");
        for (String p : List.of("apiVersion=kots.io%2Fv1beta1", "chartVersion=8.7.4", "scratchMedium=Memory",
                "installPath=kots")) {
            assertTrue(unhtml(example.group(1)).contains(p), example.group(1));
        }
        assertTrue(page.contains("id=\"warnings\""), "the defaults' warnings (frozen bitnamilegacy image) are shown");
        assertTrue(page.contains("helm pull oci://registry-1.docker.io/bitnamicharts/postgresql --version 17.1.0"),
                "where the chart comes from");
    }

    @Test
    void submittingTheFormPreviewsTheHookAndTheManifests() {
        String page = given().contentType(ContentType.URLENC).accept("text/html")
                .formParam("chartVersion", "16.7.27").formParam("username", "app_user").formParam("installPath", "kots")
                .post("/").then().statusCode(200).contentType(ContentType.HTML).extract().asString();

        Map<String, Object> helmChart = load(elementText(page, "helmchart-yaml"));
        assertEquals("16.7.27", valueAt(helmChart, "spec", "chart", "chartVersion"));
        String annotation = (String) valueAt(helmChart, "spec", "values", "primary", "podAnnotations",
                "pre.hook.backup.velero.io/command");
        assertNotNull(annotation);
        String backupCommand = elementText(page, "backup-script");
        assertTrue(backupCommand.contains("pg_dump") && backupCommand.contains("-U app_user"), backupCommand);
        assertEquals(annotation, elementText(page, "backup-annotation"), "the preview shows the annotation as written");
        assertEquals(List.of("/bin/bash", "-c", backupCommand), jsonArray(annotation),
                "the annotation runs the previewed command");
        assertEquals("Config", load(elementText(page, "config-yaml")).get("kind"));
        assertEquals("Backup", load(elementText(page, "backup-yaml")).get("kind"));
        assertTrue(showsValue(fieldBlock(page, "username"), "username", "app_user"), "the form keeps the submitted value");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void aBadValueInTheFormIsShownBesideTheFieldAndNoManifestIsMade(BadValues.Bad bad) {
        String page = given().contentType(ContentType.URLENC).accept("text/html").formParam(bad.param(), bad.value())
                .post("/").then().statusCode(400).contentType(ContentType.HTML).extract().asString();
        String block = fieldBlock(page, bad.param());
        String error = elementText(block, bad.param() + "-error");
        assertTrue(error.contains(bad.messageMentions()), () -> "#" + bad.param() + "-error says what is wrong: " + error);
        if (!CHOICE_FIELDS.contains(bad.field())) {
            assertTrue(showsValue(block, bad.param(), bad.value()), () -> "the user's value is kept: " + block);
            // A group of checkboxes is tied to its error by aria-describedby (aria-invalid is for one control).
            if (bad.field().control().kind() != io.pgbackupwizard.model.Control.Kind.CHECKBOXES)
                assertTrue(block.contains("aria-invalid=\"true\""), block);
        }
        assertFalse(page.contains("apiVersion: kots.io"), "no manifest for bad input");
        assertFalse(page.contains("id=\"backup-script\""), "no hook preview for bad input");
    }

    @Test
    void unknownLinkParametersAreIgnoredOnThePageWithANoticeButNotInDownloads() {
        String page = given().accept("text/html").queryParam("utm_source", "newsletter")
                .queryParam("installPath", "kots").queryParam("<b>x</b>", "1").get("/").then().statusCode(200).extract()
                .asString();
        String notice = page.substring(page.indexOf("id=\"ignored-params\""),
                page.indexOf("</div>", page.indexOf("id=\"ignored-params\"")));
        assertTrue(notice.contains("<code>utm_source</code>") && notice.contains("<code>&lt;b&gt;x&lt;/b&gt;</code>"), notice);
        assertTrue(page.contains("chartVersion: 17.1.0"), "the known parameters still make the preview");
        assertTrue(page.contains("data-page-link=\"/?installPath=kots\""),
                "the shareable link drops the unknown names");
        assertFalse(page.contains("id=\"ignored-params\"") && given().accept("text/html").get("/").asString()
                .contains("id=\"ignored-params\""), "no notice without unknown names");
        // The live preview is the page's too; downloads and the API stay strict, so a script's typo is an error.
        given().queryParam("utm_source", "x").get("/results").then().statusCode(200);
        given().queryParam("utm_source", "x").get("/helmchart.yaml").then().statusCode(400)
                .body(containsString("utm_source"));
        given().contentType(ContentType.JSON).body("{\"utm_source\":\"x\"}").post("/api/manifests").then().statusCode(400);
    }

    @Test
    void defaultsAreMarkedChangedValuesOfferAResetAndAdvancedFieldsAreFolded() {
        String page = given().accept("text/html").queryParam("username", "app_owner").get("/").then().statusCode(200)
                .extract().asString();
        String database = fieldBlock(page, "database");
        assertTrue(
                database.contains("Default value") && database.contains("id=\"database-reset\" data-reset=\"database\" hidden"),
                database);
        String username = fieldBlock(page, "username");
        assertTrue(username.contains("Changed from the default, <code>username</code>"), username);
        assertTrue(username.contains("id=\"username-reset\" data-reset=\"username\">"), "a reset is offered: " + username);
        String advanced = page.substring(page.indexOf("<details id=\"advanced\""), page.indexOf("</details>"));
        for (Field f : Field.values()) {
            assertEquals(f.advanced(), advanced.contains("data-field=\"" + f.param() + "\""), f.param());
        }
        assertFalse(page.contains("<details id=\"advanced\" class=\"advanced\" open"),
                "closed while all advanced fields hold their defaults");
        assertTrue(given().accept("text/html").queryParam("mountPath", "/dump").get("/").asString()
                .contains("<details id=\"advanced\" class=\"advanced\" open"), "open when one of them is set");
    }

    /** Without JavaScript too: a preset link carries the page's values with the preset's own on top. */
    @Test
    void aPresetLinkKeepsTheOtherValuesAndThePageSaysWhatItSet() {
        String page = given().accept("text/html").queryParam("username", "orders").queryParam("installPath", "kots")
                .get("/").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("id=\"preset-large-database\" href=\"([^\"]*)\"").matcher(page);
        assertTrue(m.find());
        String href = unhtml(m.group(1));
        assertTrue(href.contains("username=orders") && href.contains("installPath=kots") && href.contains("scratchSize=50Gi"),
                href);
        String target = given().accept("text/html").urlEncodingEnabled(false).get(href).then().statusCode(200).extract()
                .asString();
        assertTrue(showsValue(fieldBlock(target, "username"), "username", "orders"), "kept");
        assertTrue(target.contains("id=\"preset-applied\""), "says a preset was applied");
        assertFalse(target.contains("id=\"ignored-params\""), "preset= is no unknown parameter");
    }

    @Test
    void everyPresetLinkOpensAValidPageWithItsValues() {
        String page = given().accept("text/html").get("/").then().statusCode(200).extract().asString();
        for (io.pgbackupwizard.model.Preset p : io.pgbackupwizard.model.Preset.ALL) {
            Matcher m = Pattern.compile("id=\"preset-" + p.name() + "\" href=\"([^\"]*)\"").matcher(page);
            assertTrue(m.find(), p.name());
            String href = unhtml(m.group(1));
            String target = given().accept("text/html").urlEncodingEnabled(false).get(href).then().statusCode(200)
                    .extract().asString();
            p.values().forEach((f, v) -> assertTrue(showsValue(fieldBlock(target, f.param()), f.param(), v),
                    () -> p.name() + " sets " + f.param() + "=" + v));
        }
    }

    @Test
    void thePageSaysWhatNextAndTheFreshnessOfItsFiles() {
        String page = given().accept("text/html").queryParam("chartVersion", "16.7.27").queryParam("installPath", "kots")
                .get("/").then().statusCode(200).extract().asString();
        assertTrue(page.contains("helm pull oci://registry-1.docker.io/bitnamicharts/postgresql --version 16.7.27"));
        assertTrue(page.contains("id=\"freshness\" class=\"freshness\" data-state=\"current\""));
        String readme = given().queryParam("chartVersion", "16.7.27").queryParam("installPath", "kots").get("/readme.txt")
                .then().statusCode(200)
                .contentType(containsString("text/plain"))
                .header("Content-Disposition", "attachment; filename=\"README.txt\"").extract().asString();
        assertTrue(readme.contains("--version 16.7.27") && readme.contains("kubectl kots backup"), readme);
        String bad = given().accept("text/html").queryParam("scratchSize", "0").get("/").then().statusCode(400)
                .extract().asString();
        assertTrue(bad.contains("data-state=\"none\""), "no files, and the page says so");
    }

    @Test
    void userInputIsEscapedInThePage() {
        String evil = "<script>alert(\"x\")</script>";
        String page = given().contentType(ContentType.URLENC).accept("text/html").formParam("username", evil)
                .post("/").then().statusCode(400).extract().asString();
        assertFalse(page.contains(evil));
        assertTrue(showsValue(fieldBlock(page, "username"), "username", evil), "kept, escaped");
    }

    @Test
    void curlGetsPlainTextHelpListingEveryParameter() {
        String help = given().header("User-Agent", "curl/8.5.0").get("/")
                .then().statusCode(200).contentType(ContentType.TEXT).extract().asString();
        for (String param : Field.params())
            assertTrue(help.contains(param), () -> "help lists " + param);
        assertFalse(help.contains("<html"), "not the page");
    }

    /** A terminal is 80 columns; the help lists only what this port serves and shows curl commands that keep the 400's text. */
    @Test
    void thePlainTextHelpFitsATerminalAndShowsCommandsThatKeepErrors() {
        String help = given().header("User-Agent", "curl/8.5.0").get("/").then().statusCode(200).extract().asString();
        List<String> wide = help.lines().filter(l -> l.length() > 80).toList();
        assertEquals(List.of(), wide, "lines wider than 80 columns");
        assertFalse(help.contains("/q/"), "no operator endpoint: they are not on this port");
        assertTrue(help.contains("/doctor"), "mentions the doctor");
        List<String> curls = help.lines().filter(l -> l.trim().startsWith("curl ")).toList();
        assertFalse(curls.isEmpty());
        for (String c : curls)
            assertTrue(c.contains("--fail-with-body"), "keeps the 400 message: " + c);
        for (String line : help.lines().filter(l -> l.trim().startsWith("curl ") && l.endsWith("\\")).toList()) {
            assertTrue(help.contains(line + "\n      -d ") || help.contains(line + "\n      http"), "continued: " + line);
        }
    }

    // ---- downloads -----------------------------------------------------------------------------

    @Test
    void theHelmChartDownloadsWithDefaults() {
        String body = given().get("/helmchart.yaml").then().statusCode(200)
                .header("Content-Type", startsWith(YAML_TYPE))
                .header("Content-Disposition", "attachment; filename=\"postgresql-helmchart.yaml\"")
                .extract().asString();
        Map<String, Object> helmChart = load(body);
        assertEquals("HelmChart", helmChart.get("kind"));
        assertEquals("17.1.0", valueAt(helmChart, "spec", "chart", "chartVersion"));
    }

    @Test
    void theApiListsWarningsAndWhereTheChartComesFrom() {
        Map<String, Object> old = given().contentType(ContentType.JSON).body("{\"chartVersion\":\"8.7.4\"}")
                .post("/api/manifests").then().statusCode(200).extract().jsonPath().getMap("");
        @SuppressWarnings("unchecked")
        List<String> warnings = (List<String>) old.get("warnings");
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("No free image exists for chart 8.7.4")), () -> "" + warnings);
        assertTrue(((String) old.get("chartSource")).contains("archive-full-index"), () -> "" + old.get("chartSource"));
        String help = given().header("User-Agent", "curl/8.0").get("/").then().statusCode(200).extract().asString();
        assertTrue(help.contains("The 2020 KOTS docs' reference example"), help);
        assertTrue(help.contains("Charts 8.x-10.x have no free image"), help);
    }

    @Test
    void theFileNameFollowsTheName() {
        String body = given().queryParam("name", "db").get("/helmchart.yaml").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"db-helmchart.yaml\"").extract().asString();
        assertEquals("db", valueAt(load(body), "metadata", "name"));
    }

    /** Every file of a release that lists the most (a move, on every path) downloads by its path. */
    @Test
    void everyFileOfTheReleaseDownloads() {
        String q = "chartFamily=groundhog2k&name=db&migrateFrom=17.1.0&installPath=kots,kurl,embedded-v2,embedded-v3,helm";
        io.pgbackupwizard.model.WizardInputParser.Result parsed = new io.pgbackupwizard.model.WizardInputParser()
                .parse(io.pgbackupwizard.testsupport.TestParams.of("chartFamily", "groundhog2k", "name", "db",
                        "migrateFrom", "17.1.0", "installPath", "kots,kurl,embedded-v2,embedded-v3,helm"));
        assertTrue(parsed.ok(), parsed.errors()::toString);
        for (var file : io.pgbackupwizard.generate.ReleaseFile.releaseFiles(parsed.input()))
            given().get("/" + file.path() + "?" + q).then().statusCode(200);
    }

    /** A file of the migration chart's folder downloads under a flat name; the zip keeps the folder. */
    @Test
    void aFileOfAFolderDownloadsFlat() {
        String q = "?chartFamily=groundhog2k&name=db&migrateFrom=17.1.0&installPath=kots";
        String chart = given().get("/migration-chart.yaml" + q).then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"pgbw-migration-Chart.yaml\"").extract().asString();
        assertEquals("pgbw-migration", load(chart).get("name"));
        byte[] zip = given().get("/bundle.zip" + q).then().statusCode(200).extract().asByteArray();
        java.util.List<String> names = new java.util.ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry())
                names.add(e.getName());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(names.containsAll(java.util.List.of("pgbw-migration/Chart.yaml", "pgbw-migration/templates/copy.yaml",
                "pgbw-migration/files/copy.sh", "db-migration-helmchart.yaml", "migration.md")), names::toString);
    }

    @Test
    void theHelmChartDownloadsFromAForm() {
        String body = given().contentType(ContentType.URLENC).formParam("name", "db").formParam("chartVersion", "17.1.0")
                .post("/helmchart.yaml").then().statusCode(200)
                .header("Content-Type", startsWith(YAML_TYPE))
                .header("Content-Disposition", "attachment; filename=\"db-helmchart.yaml\"").extract().asString();
        assertEquals("17.1.0", valueAt(load(body), "spec", "chart", "chartVersion"));
    }

    @Test
    void theConfigAndTheBackupDownload() {
        String config = given().get("/config.yaml").then().statusCode(200).header("Content-Type", startsWith(YAML_TYPE))
                .header("Content-Disposition", "attachment; filename=\"config.yaml\"").extract().asString();
        assertEquals("Config", load(config).get("kind"));
        String backup = given().queryParam("installPath", "kots").get("/backup.yaml").then().statusCode(200)
                .header("Content-Type", startsWith(YAML_TYPE))
                .header("Content-Disposition", "attachment; filename=\"backup.yaml\"").extract().asString();
        assertEquals("Backup", load(backup).get("kind"));
    }

    @Test
    void theBundleHoldsTheThreeFilesAsDownloadedOneByOne() throws IOException {
        byte[] zip = given().queryParam("name", "db").queryParam("chartVersion", "10.16.3").queryParam("installPath", "kots")
                .get("/bundle.zip")
                .then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"db-kots-release.zip\"").extract().asByteArray();
        Map<String, byte[]> entries = unzip(zip);
        assertEquals(List.of("db-helmchart.yaml", "config.yaml", "backup.yaml", "app-database-values.yaml", "README.txt"),
                List.copyOf(entries.keySet()));
        Map<String, String> single = Map.of("db-helmchart.yaml", "/helmchart.yaml", "config.yaml", "/config.yaml",
                "backup.yaml", "/backup.yaml", "app-database-values.yaml", "/app-database-values.yaml",
                "README.txt", "/readme.txt");
        single.forEach((file, path) -> {
            String alone = given().queryParam("name", "db").queryParam("chartVersion", "10.16.3")
                    .queryParam("installPath", "kots").get(path)
                    .then().statusCode(200).extract().asString();
            assertEquals(alone, new String(entries.get(file), StandardCharsets.UTF_8), file);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void everyDownloadRejectsABadValueWithOneLinePerProblem(BadValues.Bad bad) {
        for (String path : List.of("/helmchart.yaml", "/config.yaml", "/backup.yaml", "/bundle.zip")) {
            String body = given().queryParam(bad.param(), bad.value()).get(path)
                    .then().statusCode(400).contentType(ContentType.TEXT).header("Content-Disposition", nullValue())
                    .extract().asString();
            List<String> lines = body.lines().toList();
            assertEquals(1, lines.size(), () -> path + ": one line per problem: " + body);
            assertTrue(lines.get(0).startsWith(bad.param() + ": ") && lines.get(0).contains(bad.messageMentions()),
                    () -> path + ": " + lines.get(0));
        }
    }

    // ---- JSON API ------------------------------------------------------------------------------

    @Test
    void theApiReturnsTheFilesAndTheHookScripts() {
        Response r = given().contentType(ContentType.JSON)
                .body("{\"chartVersion\":\"17.1.0\",\"allowExternal\":false,\"installPath\":\"kots\"}")
                .post("/api/manifests");
        r.then().statusCode(200).contentType(ContentType.JSON)
                .body("chartGeneration", equalTo("PASSWORD_FILES"))
                .body("backupScript", containsString("pg_dump"))
                .body("restoreScript", containsString("psql"));
        Map<String, String> files = r.jsonPath().getMap("files", String.class, String.class);
        assertEquals(Set.of("postgresql-helmchart.yaml", "config.yaml", "backup.yaml", "app-database-values.yaml",
                "README.txt"), files.keySet());
        Map<String, Object> helmChart = load(files.get("postgresql-helmchart.yaml"));
        assertEquals("17.1.0", valueAt(helmChart, "spec", "chart", "chartVersion"));
        assertEquals(null, valueAt(helmChart, "spec", "exclude"), "allowExternal=false as a JSON boolean");
        String annotation = (String) valueAt(helmChart, "spec", "values", "primary", "podAnnotations",
                "pre.hook.backup.velero.io/command");
        assertEquals(annotation, r.jsonPath().getString("backupAnnotation"));
    }

    @Test
    void withoutRestoreHookTheApiHasNoRestoreCommand() {
        given().contentType(ContentType.JSON).body("{\"restoreHook\":\"false\"}").post("/api/manifests")
                .then().statusCode(200).body("restoreScript", nullValue()).body("backupScript", containsString("pg_dump"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void theApiRejectsABadValueAsAJsonList(BadValues.Bad bad) {
        Map<String, String> body = new HashMap<>();
        body.put(bad.param(), bad.value());
        given().contentType(ContentType.JSON).body(body).post("/api/manifests")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("$", hasSize(1))
                .body("[0].field", equalTo(bad.param()))
                .body("[0].message", containsString(bad.messageMentions()));
    }

    @Test
    void theApiRejectsABodyThatIsNotAJsonObject() {
        given().contentType(ContentType.JSON).body("{not json").post("/api/manifests")
                .then().statusCode(400).body("field", hasItem("body"));
        given().contentType(ContentType.JSON).body("[1]").post("/api/manifests")
                .then().statusCode(400).body("field", hasItem("body"));
    }

    // ---- operations ----------------------------------------------------------------------------

    @Test
    void healthIsUp() {
        given().get(management + "health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get(management + "health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("generator"));
    }

    static final Pattern GENERATED_METRIC = Pattern.compile(
            "(?m)^wizard_manifests_generated_total\\{([^}]*)}\\s+(\\S+)$");

    /** Counter values by "chart_generation api_version". */
    Map<String, Double> generatedCounters() {
        String metrics = given().get(management + "metrics").then().statusCode(200).extract().asString();
        Map<String, Double> counters = new HashMap<>();
        Matcher m = GENERATED_METRIC.matcher(metrics);
        while (m.find()) {
            Map<String, String> tags = new HashMap<>();
            Matcher tag = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(m.group(1));
            while (tag.find())
                tags.put(tag.group(1), tag.group(2));
            counters.put(tags.get("chart_generation") + " " + tags.get("api_version"), Double.parseDouble(m.group(2)));
        }
        return counters;
    }

    /** Another chart family over HTTP: the download, its counter, and a version of the wrong family refused by field. */
    @Test
    void aCloudPiratesReleaseDownloadsAndIsCounted() {
        Map<String, Double> before = generatedCounters();
        assertTrue(before.containsKey("top_level kots.io/v1beta1"), () -> "counters " + before.keySet());
        String yaml = given().queryParam("chartFamily", "cloudpirates").queryParam("apiVersion", "kots.io/v1beta1")
                .get("/helmchart.yaml").then().statusCode(200).extract().asString();
        assertTrue(yaml.contains("    name: postgres\n") && yaml.contains("chartVersion: 0.20.1"), yaml);
        assertEquals(before.get("top_level kots.io/v1beta1") + 1, generatedCounters().get("top_level kots.io/v1beta1"));
        given().contentType(ContentType.JSON).body(Map.of("chartFamily", "cloudpirates", "chartVersion", "17.1.0"))
                .post("/api/manifests").then().statusCode(400)
                .body("[0].field", equalTo("chartVersion"))
                .body("[0].message", containsString("(chartFamily bitnami)"));
    }

    @Test
    void generationsAreCountedByChartGenerationAndApiVersion() {
        Map<String, Double> before = generatedCounters();
        for (String gen : List.of("master", "primary", "auth", "password_files")) {
            for (String api : List.of("kots.io/v1beta1", "kots.io/v1beta2")) {
                assertTrue(before.containsKey(gen + " " + api), () -> "counter " + gen + " " + api + " in " + before.keySet());
            }
        }
        // Only this test generates for chart 11.x with v1beta2.
        given().queryParam("chartVersion", "11.9.13").queryParam("apiVersion", "kots.io/v1beta2").get("/helmchart.yaml")
                .then().statusCode(200);
        Map<String, Double> after = generatedCounters();
        assertEquals(before.get("auth kots.io/v1beta2") + 1, after.get("auth kots.io/v1beta2"));
        given().queryParam("chartVersion", "nope").get("/helmchart.yaml").then().statusCode(400);
        assertEquals(after, generatedCounters(), "a rejected request generates nothing");
    }

    @Test
    void pageViewsAndLivePreviewsAreNotCountedDownloadsAndApiCallsAre() {
        // Counted by chart generation and API version: chart 12.x with v1beta2 (the default) is the auth generation.
        Map<String, Double> before = generatedCounters();
        given().accept("text/html").queryParam("chartVersion", "12.12.10").get("/").then().statusCode(200);
        given().queryParam("chartVersion", "12.12.10").get("/results").then().statusCode(200);
        assertEquals(before, generatedCounters(), "a page view or a live refresh is not a generated release");
        given().contentType("application/json").body("{\"chartVersion\":\"12.12.10\"}").post("/api/manifests")
                .then().statusCode(200);
        given().queryParam("chartVersion", "12.12.10").get("/bundle.zip").then().statusCode(200);
        assertEquals(before.get("auth kots.io/v1beta2") + 2, generatedCounters().get("auth kots.io/v1beta2"));
    }

    /** The file previewed in the panel with this id ("config-yaml"), unescaped; null when the panel was left to load. */
    static String panelFile(String html, String id) {
        Matcher panel = Pattern.compile("id=\"panel-" + id + "\"[^>]*data-loaded=\"(true|false)\"").matcher(html);
        assertTrue(panel.find(), () -> "a panel " + id + " in " + html);
        Matcher pre = Pattern.compile("(?s)<pre id=\"" + id + "\"[^>]*><code[^>]*>(.*?)</code></pre>").matcher(html);
        assertTrue(pre.find(), () -> "a preview " + id);
        if (panel.group(1).equals("false")) {
            assertEquals("", pre.group(1), id + " is left empty for its tab to fetch");
            return null;
        }
        return unhtml(pre.group(1));
    }

    @Test
    void theLivePreviewSendsOnlyTheVisibleFileAndEachTabCanAskForItsOwn() {
        String helmChart = given().queryParam("installPath", "kots").get("/helmchart.yaml").then().statusCode(200).extract()
                .asString();
        String config = given().queryParam("installPath", "kots").get("/config.yaml").then().statusCode(200).extract()
                .asString();

        String first = given().queryParam("installPath", "kots").get("/results").then().statusCode(200).extract().asString();
        assertEquals(helmChart, panelFile(first, "helmchart-yaml"), "no file named: the install path's main file");
        assertEquals(null, panelFile(first, "config-yaml"));
        assertEquals(null, panelFile(first, "backup-yaml"));

        String tab = given().queryParam("installPath", "kots").queryParam("file", "config.yaml").get("/results")
                .then().statusCode(200).extract().asString();
        assertEquals(config, panelFile(tab, "config-yaml"), "the named file, as it downloads");
        assertEquals(null, panelFile(tab, "helmchart-yaml"));
        assertTrue(tab.contains("id=\"tab-config-yaml\" aria-controls=\"panel-config-yaml\" aria-selected=\"true\""), tab);
        assertTrue(tab.contains("data-page-link=\"/?installPath=kots\""), "'file' is not part of the form's link: " + tab);

        // The visible tab of another install path (the Helm CLI's values) falls back to this path's main file.
        String other = given().queryParam("installPath", "kots").queryParam("file", "backup-values.yaml").get("/results")
                .then().statusCode(200).extract().asString();
        assertEquals(helmChart, panelFile(other, "helmchart-yaml"));
        assertFalse(other.contains("panel-backup-values-yaml"), other);

        // The page works without JavaScript: every file is in it; and 'file' is no parameter of the page.
        String page = given().accept("text/html").queryParam("installPath", "kots").get("/").then().statusCode(200).extract()
                .asString();
        assertEquals(helmChart, panelFile(page, "helmchart-yaml"));
        assertEquals(config, panelFile(page, "config-yaml"));
        assertFalse(page.contains("data-loaded=\"false\""), "nothing left to load on the page");
        given().accept("text/html").queryParam("file", "config.yaml").get("/").then().statusCode(200)
                .body(containsString("id=\"ignored-params\""));
    }

    @Test
    void resultsAloneAreTheSummaryAndThePreviews() {
        String ok = given().queryParam("username", "app_user").get("/results").then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertFalse(ok.contains("<form"), "no form: only what the live preview swaps in");
        assertTrue(ok.contains("id=\"results\"") && ok.contains("-U app_user"), ok);
        assertTrue(ok.contains("data-page-link=\"/?username=app_user\""), ok);
        String bad = given().queryParam("name", "Bad_Name").queryParam("scratchSize", "0").get("/results")
                .then().statusCode(400).extract().asString();
        assertTrue(bad.contains("data-param=\"name\"") && bad.contains("data-param=\"scratchSize\""), bad);
        assertTrue(bad.contains("Fix 2 problems"), bad);
        assertFalse(bad.contains("id=\"backup-script\""), "no previews for bad input");
    }

    @Test
    void theOpenApiDocumentListsTheEndpoints() {
        given().get(management + "openapi").then().statusCode(200)
                .body(containsString("/helmchart.yaml"))
                .body(containsString("/api/manifests"))
                .body(containsString("/bundle.zip"))
                .body(containsString("/config.yaml"))
                .body(containsString("/backup.yaml"))
                .body(containsString("/results"));
    }
}
