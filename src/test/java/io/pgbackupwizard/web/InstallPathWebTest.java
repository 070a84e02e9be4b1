package io.pgbackupwizard.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.pgbackupwizard.model.InstallPath;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Each install path's files over HTTP: in the JSON API, as downloads, on the page. */
@QuarkusTest
class InstallPathWebTest {

    static String apiVersionFor(InstallPath p) {
        return p == InstallPath.EMBEDDED_V3 ? "kots.io/v1beta2" : "kots.io/v1beta1";
    }

    @ParameterizedTest
    @EnumSource(InstallPath.class)
    void everyFileOfThePathIsInTheApiAndDownloadsAloneWithTheSameText(InstallPath p) {
        Response r = given().contentType(ContentType.JSON)
                .body("{\"installPath\":\"" + p.value() + "\",\"apiVersion\":\"" + apiVersionFor(p) + "\"}")
                .post("/api/manifests");
        r.then().statusCode(200).body("installPath", equalTo(p.value())).body("summary", equalTo(p.summary()))
                // The same steps as the page's "What next" and README.txt, each with its title first.
                .body("nextSteps[0].title", equalTo("For " + p.label())).body("nextSteps[0].text", equalTo(p.summary()));
        assertEquals(p.notes(), r.jsonPath().getList("notes", String.class));
        Map<String, String> files = r.jsonPath().getMap("files", String.class, String.class);
        String page = given().queryParam("installPath", p.value()).queryParam("apiVersion", apiVersionFor(p))
                .accept("text/html")
                .get("/").then().statusCode(200).extract().asString();
        assertTrue(page.contains(WebTest.html(p.choice())), "the page says when to pick " + p);
        files.forEach((name, text) -> {
            // The page links each file's download; follow the link the page gives.
            String id = name.endsWith("-helmchart.yaml") ? "helmchart-yaml"
                    : name.replace('.', '-').toLowerCase(java.util.Locale.ROOT);
            String caption = WebTest.elementText(page, id + "-caption");
            assertEquals(name, caption);
            String download = name.endsWith("-helmchart.yaml") ? "helmchart.yaml" : name.toLowerCase(java.util.Locale.ROOT);
            String alone = given().queryParam("installPath", p.value()).queryParam("apiVersion", apiVersionFor(p))
                    .get("/" + download).then().statusCode(200)
                    .header("Content-Type", startsWith(name.endsWith(".md") ? "text/markdown"
                            : name.endsWith(".txt") ? "text/plain" : "application/yaml"))
                    .header("Content-Disposition", "attachment; filename=\"" + name + "\"").extract().asString();
            assertEquals(text, alone, name);
        });
    }

    /**
     * The families whose releases hold other files: your own StatefulSet has no HelmChart (a 404 naming the family
     * and its files), CloudNativePG no hooks (the API's script fields are null) but the operator's values.
     */
    @Test
    void aFileTheFamilyLacksIsA404ThatNamesTheFamily() {
        given().get("/helmchart.yaml?chartFamily=statefulset&installPath=kots").then().statusCode(404)
                .body(containsString("chartFamily=statefulset has no helmchart.yaml; its files: statefulset-patch.yaml,"
                        + " backup.yaml, readme.txt"));
        given().get("/statefulset-patch.yaml?chartFamily=statefulset&installPath=kots").then().statusCode(200)
                .header("Content-Disposition", containsString("postgresql-statefulset-patch.yaml"))
                .body(containsString("kind: StatefulSet"));
        given().contentType(ContentType.JSON).body("{\"chartFamily\":\"statefulset\"}").post("/api/manifests").then()
                .statusCode(200).body("files", org.hamcrest.Matchers.hasKey("postgresql-statefulset-patch.yaml"))
                .body("files", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("postgresql-helmchart.yaml")))
                .body("backupScript", containsString("pg_dump"));
        given().contentType(ContentType.JSON).body("{\"chartFamily\":\"cloudnativepg\"}").post("/api/manifests").then()
                .statusCode(200).body("files", org.hamcrest.Matchers.hasKey("cnpg-operator-values.yaml"))
                .body("backupScript", org.hamcrest.Matchers.nullValue());
        given().get("/cnpg-operator-values.yaml?installPath=kots").then().statusCode(404)
                .body(containsString("chartFamily=bitnami has no cnpg-operator-values.yaml"));
    }

    @Test
    void theDefaultIsKotsAndHelmCliAndAFileThePathsLackIsA404ThatListsTheirFiles() {
        given().contentType(ContentType.JSON).body("{}").post("/api/manifests").then().statusCode(200)
                .body("installPath", equalTo("kots,helm"))
                .body("files", org.hamcrest.Matchers.hasKey("postgresql-helmchart.yaml"))
                .body("files", org.hamcrest.Matchers.hasKey("backup-values.yaml"));
        given().get("/restore.yaml").then().statusCode(404).contentType(ContentType.TEXT)
                .body(containsString("installPath=kots,helm has no restore.yaml"))
                .body(containsString("helmchart.yaml, config.yaml, backup.yaml, backup-values.yaml, backup-readme.md,"
                        + " velero-schedule.yaml, app-database-values.yaml, readme.txt"));
        given().get("/wizard.css").then().statusCode(200);
    }

    @Test
    void embeddedV3WithAV1beta1HelmChartIsAFieldError() {
        given().contentType(ContentType.JSON).body("{\"installPath\":\"embedded-v3\",\"apiVersion\":\"kots.io/v1beta1\"}")
                .post("/api/manifests")
                .then().statusCode(400).body("field", hasItem("apiVersion"));
        given().queryParam("installPath", "embedded-v3").queryParam("apiVersion", "kots.io/v1beta1").get("/restore-runbook.md")
                .then().statusCode(400)
                .body(startsWith("apiVersion: "));
    }
}
