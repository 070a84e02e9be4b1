package io.pgbackupwizard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.chart.ChartVersion;
import io.pgbackupwizard.chart.Quantity;
import io.pgbackupwizard.generate.ReleaseFile;
import io.pgbackupwizard.testsupport.TestParams;

/**
 * The install rules come from the chart version, not from a list of known versions: versions the
 * reference directory does not hold (and that ChartFamily.BITNAMI.knownVersions() does not list) get them too.
 */
class InstallRulesTest {

    static WizardInputParser.Result parse(String... paramsAndValues) {
        Map<String, List<String>> params = TestParams.of(paramsAndValues);
        return new WizardInputParser().parse(params);
    }

    static WizardInput valid(String... paramsAndValues) {
        WizardInputParser.Result r = parse(paramsAndValues);
        assertTrue(r.ok(), () -> "expected valid: " + r.errors());
        return r.input();
    }

    /** A release may serve several install paths: one comma-separated value, or the parameter once per path (checkboxes). */
    @Test
    void severalInstallPathsInOneValueOrOnePerParameter() {
        assertEquals(java.util.EnumSet.of(InstallPath.KOTS, InstallPath.HELM),
                valid("installPath", "helm,kots").installPaths());
        WizardInputParser.Result boxes = new WizardInputParser().parse(Map.of("installPath", List.of("", "helm", "kots")));
        assertTrue(boxes.ok(), () -> "" + boxes.errors());
        assertEquals("kots,helm", boxes.values().get("installPath"), "the link carries one canonical value");
        assertEquals(java.util.EnumSet.of(InstallPath.KOTS, InstallPath.HELM), boxes.input().installPaths());

        assertEquals("kots is given twice", onlyMessage(parse("installPath", "kots,kots")));
        assertTrue(onlyMessage(parse("installPath", "kots,,helm")).startsWith("has an empty entry"));
        assertEquals("ec is not an install path: each must be one of kots, kurl, embedded-v2, embedded-v3, helm",
                onlyMessage(parse("installPath", "kots,ec")));
        // The form's empty box alone (nothing ticked) is no silent default.
        assertTrue(onlyMessage(new WizardInputParser().parse(Map.of("installPath", List.of(""))))
                .startsWith("must not be empty"));
        // Only checkbox fields may repeat.
        assertEquals("given more than once", onlyMessage(new WizardInputParser().parse(Map.of("name", List.of("a", "b")))));
        // Embedded Cluster v3 among others still needs HelmChart v2.
        WizardInputParser.Result v1 = parse("installPath", "kots,embedded-v3", "apiVersion", "kots.io/v1beta1");
        assertEquals("apiVersion", v1.errors().get(0).field());
    }

    private static String onlyMessage(WizardInputParser.Result r) {
        assertEquals(1, r.errors().size(), () -> "" + r.errors());
        return r.errors().get(0).message();
    }

    @ParameterizedTest(name = "chart {0}: {1}, allowInsecureImages {2}, limits {3}")
    @CsvSource({
            // unlisted versions on each side of every boundary
            "8.10.14,  docker.io/bitnami/postgresql,       false, false",
            "10.99.0,  docker.io/bitnami/postgresql,       false, false",
            "11.0.0,   docker.io/bitnamilegacy/postgresql, false, false",
            "14.9.9,   docker.io/bitnamilegacy/postgresql, false, false",
            "15.0.0,   docker.io/bitnamilegacy/postgresql, false, true",
            "16.2.9,   docker.io/bitnamilegacy/postgresql, false, true",
            "16.3.0,   docker.io/bitnamilegacy/postgresql, true,  true",
            "16.7.24,  docker.io/bitnamilegacy/postgresql, true,  true",
            "18.0.0,   docker.io/bitnamilegacy/postgresql, true,  true" })
    void rulesFollowTheVersion(String version, String image, boolean allowInsecure, boolean limits) {
        WizardInput in = valid("chartVersion", version);
        assertEquals(image, in.image().reference());
        assertEquals(allowInsecure, in.image().needsAllowInsecureImages());
        assertEquals(limits, in.resources() != null);
        assertEquals(ChartVersion.parse(version).major() >= 11, in.image().freeImageExists());
    }

    @Test
    void theChartsOwnImageNeedsNoAllowInsecureImagesEvenWhereTheChartChecks() {
        WizardInput in = valid("chartVersion", "17.1.0", "imageRepository", "bitnami/postgresql");
        assertFalse(in.image().relocated());
        assertFalse(in.image().needsAllowInsecureImages());
        assertTrue(valid("chartVersion", "17.1.0", "imageRegistry", "mirror.example.com", "imageRepository",
                "bitnami/postgresql").image().needsAllowInsecureImages(), "another registry is a relocation");
    }

    @Nested
    class Quantities {
        @ParameterizedTest(name = "{0} = {1} bytes")
        @CsvSource({ "1Gi, 1073741824", "1G, 1000000000", "512Mi, 536870912", "1.5Gi, 1610612736", "2e3, 2000",
                "1500m, 1.5", ".5Ki, 512", "+3k, 3000", "1E2, 100" })
        void parseToExactValues(String text, String value) {
            assertEquals(0, new BigDecimal(value).compareTo(Quantity.parse(text).value()), text);
        }

        @Test
        void compareAcrossSuffixes() {
            assertTrue(Quantity.parse("1G").compareTo(Quantity.parse("1Gi")) < 0);
            assertTrue(Quantity.parse("1024Mi").compareTo(Quantity.parse("1Gi")) == 0);
            assertEquals("1536Mi", Quantity.parse("1Gi").plus(Quantity.parse("512Mi")).text());
            assertEquals("1466Mi", Quantity.parse("1G").plus(Quantity.parse("512Mi")).text(), "rounded up to whole Mi");
        }

        @Test
        void refuseWhatIsNotAQuantity() {
            for (String bad : List.of("1GB", "Gi", "-1Gi", "1 Gi", "1.2.3")) {
                assertThrows(IllegalArgumentException.class, () -> Quantity.parse(bad), bad);
            }
        }
    }

    @Nested
    class Limits {
        @Test
        void computedLimitsFollowTheScratchSizeAndMedium() {
            WizardInput disk = valid("scratchSize", "10Gi");
            assertEquals("11264Mi", disk.resources().ephemeralStorage().text(), "10Gi + 1Gi");
            assertEquals("512Mi", disk.resources().memory().text());
            WizardInput memory = valid("scratchSize", "2Gi", "scratchMedium", "Memory");
            assertEquals("2560Mi", memory.resources().memory().text(), "2Gi + 512Mi");
            assertEquals("1024Mi", memory.resources().ephemeralStorage().text());
        }

        @Test
        void aMemoryLimitThatCannotHoldAMemoryScratchIsRefusedSayingWhy() {
            WizardInputParser.Result r = parse("scratchSize", "1Gi", "scratchMedium", "Memory", "memoryLimit", "1Gi");
            assertEquals(1, r.errors().size(), () -> "" + r.errors());
            FieldError e = r.errors().get(0);
            assertEquals("memoryLimit", e.field());
            assertTrue(e.message().contains("a tmpfs counts against the container's memory limit"), e.message());
            assertTrue(e.message().contains("at least 1280Mi"), e.message());
            assertTrue(parse("scratchSize", "1Gi", "scratchMedium", "Memory", "memoryLimit", "1280Mi").ok(), "exactly enough");
            assertTrue(parse("scratchSize", "1Gi", "scratchMedium", "Disk", "memoryLimit", "1Gi").ok(),
                    "a Disk scratch does not use memory");
        }

        @Test
        void aGrowingScratchIsRefusedAgainstAGivenEphemeralLimit() {
            assertTrue(parse("scratchSize", "1Gi", "ephemeralStorageLimit", "4Gi").ok());
            WizardInputParser.Result r = parse("scratchSize", "4Gi", "ephemeralStorageLimit", "4Gi");
            assertEquals("ephemeralStorageLimit", r.errors().get(0).field());
            assertTrue(r.errors().get(0).message().contains("evicts the pod"), r.errors().get(0).message());
        }

        @Test
        void limitsAreRefusedForChartsThatSetNone() {
            WizardInputParser.Result r = parse("chartVersion", "14.3.3", "cpuLimit", "2");
            assertEquals(List.of(new FieldError("cpuLimit", r.errors().get(0).message())), r.errors());
            assertTrue(r.errors().get(0).message().startsWith("applies only to charts that limit the container by default"
                    + " (Bitnami postgresql 15.0.0 and later): Bitnami postgresql 14.3.3 sets no limits"),
                    r.errors().get(0).message());
        }

        /** The official image's charts set no limits at all: a given one would be silently dropped, so it is refused. */
        @Test
        void limitsAreRefusedOnAChartFamilyWithoutThem() {
            WizardInputParser.Result r = parse("chartFamily", "cloudpirates", "memoryLimit", "2Gi");
            assertEquals(List.of(new FieldError("memoryLimit", r.errors().get(0).message())), r.errors());
            assertTrue(r.errors().get(0).message().contains("CloudPirates postgres 0.20.1 sets no limits"),
                    r.errors().get(0).message());
        }

        /**
         * Where a family writes no limits at all (CloudNativePG, your own StatefulSet), a given one is refused with the
         * reason the form shows beside the switched-off field.
         */
        @Test
        void limitsAreRefusedWithTheFormsReasonWhereTheFamilyWritesNone() {
            for (String family : List.of("cloudnativepg", "statefulset")) {
                WizardInputParser.Result r = parse("chartFamily", family, "cpuLimit", "2");
                assertEquals(1, r.errors().size(), r.errors()::toString);
                String reason = Field.CPU_LIMIT.noEffectOn(io.pgbackupwizard.chart.ChartFamily.parse(family)).orElseThrow();
                assertEquals(new FieldError("cpuLimit", "n" + reason.substring(1) + " Leave it empty."), r.errors().get(0));
            }
        }

        @Test
        void emptyMeansComputed() {
            WizardInput in = valid("cpuLimit", "", "memoryLimit", "", "ephemeralStorageLimit", "", "imageRegistry", "",
                    "imageRepository", "", "imageTag", "");
            assertEquals(valid().resources(), in.resources());
            assertEquals(valid().image(), in.image());
            assertNull(in.image().tag());
        }
    }

    @Test
    void everyPresetIsValidInputAndTheOldOneSaysWhyItDoesNotInstall() {
        for (Preset p : Preset.ALL) {
            WizardInputParser.Result r = new WizardInputParser().parse(p.params());
            assertTrue(r.ok(), () -> p.name() + ": " + r.errors());
        }
        WizardInput old = new WizardInputParser().parse(Preset.KOTS_DOCS_2020.params()).input();
        assertEquals("8.7.4", old.chartVersion().text());
        assertEquals(ApiVersion.V1BETA1, old.apiVersion());
        assertFalse(old.image().freeImageExists());
        assertTrue(Preset.KOTS_DOCS_2020.warning().contains("no free image"));
        assertNull(Preset.LARGE_DATABASE.warning());
    }

    @Test
    void anAirGappedKotsInstallNeedsNoPresetTheKotsPathFollowsTheLocalRegistry() {
        WizardInput in = new WizardInputParser().parse(java.util.Map.of("installPath", java.util.List.of("kots"))).input();
        assertTrue(InstallPath.KOTS.notes().stream().anyMatch(n -> n.startsWith("Air gap: nothing to change")));
        String helmChart = io.pgbackupwizard.generate.Release.of(in).text(ReleaseFile.HELMCHART);
        assertTrue(helmChart.contains("HasLocalRegistry") && helmChart.contains("LocalRegistryHost")
                && helmChart.contains("ImagePullSecretName"), helmChart);
        assertTrue(io.pgbackupwizard.generate.Release.of(in).text(ReleaseFile.BACKUP).contains("kind: Backup"));
    }

    @Test
    void theLargeDatabasePresetDumpsInTheCustomFormatWithRoomAndTime() {
        WizardInput in = new WizardInputParser().parse(Preset.LARGE_DATABASE.params()).input();
        String helmChart = io.pgbackupwizard.generate.Release.of(in).text(ReleaseFile.HELMCHART);
        assertTrue(helmChart.contains("pg_dump -Fc"), "custom dump format");
        assertTrue(helmChart.contains("sizeLimit: 50Gi"), "scratch size");
        assertTrue(helmChart.contains("pre.hook.backup.velero.io/timeout: 2h"), "hook timeout");
    }
}
