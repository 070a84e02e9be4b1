package io.pgbackupwizard.generate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** README.txt tells the vendor's engineer what to do with the files, for their chart version and names. */
class NextStepsTest {

    /** The Helm CLI values sit under postgresql: the README says how each family's chart gets that name. */
    @Test
    void helmCliReadmeSaysHowTheDependencyIsNamed() {
        String bitnami = Generated.with("installPath", "helm").release().text(ReleaseFile.README);
        assertTrue(bitnami.replaceAll("\\s+", " ").contains("PostgreSQL is the dependency named postgresql"), bitnami);
        for (String family : java.util.List.of("cloudpirates", "groundhog2k")) {
            String readme = Generated.with("chartFamily", family, "installPath", "helm").release().text(ReleaseFile.README);
            assertTrue(
                    readme.replaceAll("\\s+", " ").contains(
                            "PostgreSQL is the dependency postgres under the alias postgresql: the values sit under that name"),
                    readme);
        }
    }

    @Test
    void readmeNamesTheChartToPullAndTheStepsAfter() {
        Generated g = Generated.with("name", "orders-db", "chartVersion", "16.7.27", "installPath", "kots");
        String readme = g.release().text(ReleaseFile.README);
        assertTrue(readme.contains("helm pull oci://registry-1.docker.io/bitnamicharts/postgresql --version 16.7.27"), readme);
        assertTrue(readme.contains("postgresql-16.7.27.tgz next to orders-db-helmchart.yaml"), readme);
        for (String must : new String[] { "clashes", "isSnapshotSupported", "kubectl kots backup",
                "velero backup describe", "--details", "restore", "Embedded Cluster", "app-database-values.yaml" }) {
            assertTrue(readme.contains(must), () -> "README.txt mentions " + must + ":\n" + readme);
        }
        readme.lines().forEach(l -> assertTrue(l.length() <= 100, () -> "a line too long to read in a terminal: " + l));
    }

    @Test
    void eachInstallPathGetsItsOwnSteps() {
        String helm = Generated.with("installPath", "helm").release().text(ReleaseFile.README);
        assertTrue(helm.contains("Helm CLI") && helm.contains("velero backup describe pg-test --details"), helm);
        assertTrue(!helm.contains("helm pull") && !helm.contains("isSnapshotSupported"), "no KOTS release steps: " + helm);
        String ec = Generated.with("installPath", "embedded-v2").release().text(ReleaseFile.README);
        assertTrue(ec.contains("no KOTS snapshots") && ec.contains("isDisasterRecoverySupported") && ec.contains("helm pull"),
                ec);
        assertTrue(!ec.contains("Allow Snapshots"), "Embedded Cluster is not told to enable KOTS snapshots: " + ec);
    }
}
