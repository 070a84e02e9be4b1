package io.pgbackupwizard.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.pgbackupwizard.testsupport.TextFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** POST /doctor over HTTP: curl's plain text, JSON, the HTML panel (urlencoded and multipart), and bad input. */
@QuarkusTest
class DoctorHttpTest {

    static final Path CORPUS = Path.of("src/test/resources/doctor");
    static final String SEED = TextFiles.read(CORPUS.resolve("seed-2020-as-scraped.yaml"));
    static final String CLEAN = TextFiles.read(CORPUS.resolve("clean-17.1.0-v1beta2.yaml"));

    @Test
    void curlDataBinaryGetsPlainText() {
        // curl --data-binary sends the file as application/x-www-form-urlencoded with Accept: */*
        given().contentType("application/x-www-form-urlencoded").accept("*/*").body(SEED)
                .when().post("/doctor")
                .then().statusCode(200).contentType(startsWith("text/plain"))
                .body(startsWith("postgresql (kots.io/v1beta1, chart 8.7.4): 8 findings, 5 above warning"))
                .body(containsString(
                        "BREAKS BACKUP  CLIENT_OPTION_WITHOUT_VALUE  line 15  spec.values.master.podAnnotations[\"pre.hook.backup.velero.io/command\"]"))
                .body(containsString("pg_dump is given -h without a value"))
                .body(containsString("Open in the wizard: http://"))
                .body(containsString("/?name=postgresql&apiVersion=kots.io%2Fv1beta1&chartVersion=8.7.4&"))
                .body(containsString("--- your HelmChart\n+++ wizard\n"));
    }

    /**
     * A CloudNativePG cluster chart: its own finding on every format, and the wizard's CloudNativePG file to open it
     * in (backups by the operator, no hook).
     */
    @Test
    void anOperatorClusterIsNamedForWhatItIs() {
        String cnpg = TextFiles.read(CORPUS.resolve("cnpg-cluster-with-hooks.yaml"));
        given().contentType("text/plain").accept(ContentType.JSON).body(cnpg).when().post("/doctor").then().statusCode(200)
                .body("findings.rule", equalTo(java.util.List.of("HOOKS_ON_OPERATOR_CLUSTER")))
                .body("wizardLink", containsString("chartFamily=cloudnativepg"))
                .body("wizardFile", containsString("method: plugin"))
                .body("wizardFile", org.hamcrest.Matchers.not(containsString("velero.io/command")));
        given().contentType("application/yaml").accept("text/html").body(cnpg.getBytes(StandardCharsets.UTF_8))
                .when().post("/doctor").then().statusCode(200).body(containsString("HOOKS_ON_OPERATOR_CLUSTER"));
        given().contentType("application/yaml").body(cnpg.getBytes(StandardCharsets.UTF_8)).when().post("/doctor")
                .then().statusCode(200).body(containsString("BREAKS RESTORE  HOOKS_ON_OPERATOR_CLUSTER"));
    }

    @Test
    void yamlContentTypeWorksToo() {
        given().contentType("application/yaml").body(CLEAN.getBytes(StandardCharsets.UTF_8)).when().post("/doctor")
                .then().statusCode(200).body(startsWith("postgresql (kots.io/v1beta2, chart 17.1.0): "))
                .body(containsString(" 0 above warning"));
    }

    @Test
    void jsonOnRequest() {
        Response r = given().contentType("text/plain").accept(ContentType.JSON).body(SEED).when().post("/doctor");
        r.then().statusCode(200).contentType(startsWith("application/json"))
                .body("chartVersion", equalTo("8.7.4"))
                .body("aboveWarning", equalTo(5))
                .body("findings.rule", hasItem("CLIENT_OPTION_WITHOUT_VALUE"))
                .body("findings.find { it.rule == 'CLIENT_OPTION_WITHOUT_VALUE' }.severity", equalTo("BREAKS_BACKUP"))
                .body("findings.find { it.rule == 'CLIENT_OPTION_WITHOUT_VALUE' }.line", equalTo(15))
                .body("wizardParams.scratchMedium", equalTo("Memory"))
                .body("wizardLink", containsString("chartVersion=8.7.4"))
                .body("wizardFile", containsString("-h 127.0.0.1"))
                .body("diff", startsWith("--- your HelmChart"));
    }

    /** A value the findings flagged is named, in every form of the answer, with a link that leaves it to the wizard. */
    @Test
    void keptFlaggedValuesAreNamedWithALinkWithFixes() {
        String memory = TextFiles.read(CORPUS.resolve("one-memory-scratch.yaml"));
        given().contentType("text/plain").accept(ContentType.JSON).body(memory).when().post("/doctor").then().statusCode(200)
                .body("keptFlagged.param", hasItem("scratchMedium"))
                .body("keptFlagged.find { it.param == 'scratchMedium' }.value", equalTo("Memory"))
                .body("wizardLink", containsString("scratchMedium=Memory"))
                .body("wizardLinkWithFixes", startsWith("http"))
                .body("wizardLinkWithFixes", org.hamcrest.Matchers.not(containsString("scratchMedium=")));
        given().contentType(ContentType.URLENC).accept(ContentType.HTML).formParam("manifest", memory).when()
                .post("/doctor").then().statusCode(200)
                .body(containsString("id=\"kept-flagged\""))
                .body(containsString("<code>scratchMedium=Memory</code>"))
                .body(containsString("id=\"open-in-wizard-fixed\" href=\"/?"))
                .body(containsString("id=\"open-in-wizard\" href=\"/?"));
        given().contentType("text/plain").body(memory).when().post("/doctor").then().statusCode(200)
                .body(containsString("it keeps from your file what the findings flagged: scratchMedium=Memory"))
                .body(containsString("Open in the wizard with fixes (its defaults for those): http"));
        // A clean file: nothing kept that was flagged, one plain link.
        given().contentType(ContentType.URLENC).accept(ContentType.HTML).formParam("manifest", CLEAN).when().post("/doctor")
                .then().body(org.hamcrest.Matchers.not(containsString("open-in-wizard-fixed")))
                .body(containsString("id=\"open-in-wizard\" href=\"/?"));
    }

    @Test
    void theWizardPageLinksToTheDoctor() {
        given().accept(ContentType.HTML).when().get("/").then().statusCode(200)
                .body(containsString("<a href=\"/doctor\" id=\"doctor-link\">"));
    }

    @Test
    void getShowsTheEmptyPanel() {
        given().accept(ContentType.HTML).when().get("/doctor").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<textarea id=\"manifest\" name=\"manifest\""))
                .body(containsString("enctype=\"multipart/form-data\""))
                .body(not(containsString("id=\"open-in-wizard\"")));
    }

    @Test
    void urlencodedFormGetsTheHtmlPanelWithFindingsEvenOver2KiB() {
        assertTrue(SEED.length() > 1000);
        String big = SEED + "#" + "x".repeat(3000) + "\n"; // the wizard's 2 KiB form-field limit does not apply here
        given().contentType(ContentType.URLENC).accept(ContentType.HTML).formParam("manifest", big).when().post("/doctor")
                .then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("data-rule=\"CLIENT_OPTION_WITHOUT_VALUE\""))
                .body(containsString("id=\"open-in-wizard\" href=\"/?")) // relative: the browser's own origin
                .body(containsString("kind: HelmChart")); // the pasted text is shown again, to edit and check anew
    }

    @Test
    void multipartUploadWithConfigChecksOptionNames() {
        String manifest = TextFiles.read(CORPUS.resolve("one-config-option-undefined.yaml"));
        given().multiPart("manifestFile", "postgresql.yaml", manifest.getBytes(StandardCharsets.UTF_8), "application/yaml")
                .multiPart("configFile", "config.yaml",
                        TextFiles.read(CORPUS.resolve("config.yaml")).getBytes(StandardCharsets.UTF_8))
                .accept(ContentType.JSON).when().post("/doctor")
                .then().statusCode(200).body("configChecked", equalTo(true))
                .body("findings.rule", hasItem("CONFIG_OPTION_UNDEFINED"));
    }

    @Test
    void multipartPastedTextIsHtml() {
        given().multiPart("manifest", CLEAN).accept(ContentType.HTML).when().post("/doctor")
                .then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString(": 0 findings, 0 above warning"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "not: [valid", "just a sentence", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n", "",
            "- a\n- b\n" })
    void badInputIs400WithAMessage(String body) {
        Response r = given().contentType("text/plain").body(body).when().post("/doctor");
        r.then().statusCode(400).contentType(startsWith("text/plain")).body(startsWith("manifest: "));
        given().contentType("text/plain").accept(ContentType.JSON).body(body).when().post("/doctor")
                .then().statusCode(400).body("[0].field", equalTo("manifest"));
        given().contentType(ContentType.URLENC).accept(ContentType.HTML).formParam("manifest", body).when().post("/doctor")
                .then().statusCode(400).contentType(startsWith("text/html")).body(containsString("id=\"doctor-error\""));
    }

    @Test
    void notAHelmChartSaysWhatItIs() {
        given().contentType("text/plain").body("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n").when().post("/doctor")
                .then().statusCode(400).body(containsString("no KOTS HelmChart found (the text holds kind ConfigMap)"));
    }

    @Test
    void aliasBombIs400() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++)
                bomb.append(i == 0 ? "" : ", ").append('*').append((char) (c - 1));
            bomb.append("]\n");
        }
        bomb.append("kind: HelmChart\n");
        given().contentType("text/plain").body(bomb.toString()).when().post("/doctor")
                .then().statusCode(400).body(startsWith("manifest: "));
    }

    @Test
    void cyclicAliasIs400() {
        given().contentType("text/plain").body("kind: HelmChart\nspec: &s\n  values: *s\n").when().post("/doctor")
                .then().statusCode(400).body(startsWith("manifest: "));
    }

    @Test
    void manyDocumentsAre400() {
        given().contentType("text/plain").body("kind: HelmChart\n---\n".repeat(20)).when().post("/doctor")
                .then().statusCode(400).body(containsString("more than 8 YAML documents"));
    }

    @Test
    void hugeBodyIs413() {
        given().contentType("text/plain").body("# " + "x".repeat(70 * 1024) + "\nkind: HelmChart\n").when().post("/doctor")
                .then().statusCode(413);
    }

    @Test
    void deepNestingIs400() {
        given().contentType("text/plain").body("kind: HelmChart\nx: " + "[".repeat(200) + "]".repeat(200) + "\n").when()
                .post("/doctor")
                .then().statusCode(400).body(startsWith("manifest: "));
    }

    @Test
    void javaTagsAreRefusedNotConstructed() {
        // Only nodes are composed, and SnakeYAML's tag inspector refuses global tags: nothing is instantiated.
        given().contentType("text/plain").body(CLEAN
                + "x: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n")
                .when().post("/doctor").then().statusCode(400).body(startsWith("manifest: ")).body(containsString("tag"));
    }
}
