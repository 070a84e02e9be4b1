package io.pgbackupwizard.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.pgbackupwizard.chart.ChartFacts;
import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.chart.ChartVersion;
import io.pgbackupwizard.generate.Release;
import io.pgbackupwizard.generate.ReleaseFile;
import io.pgbackupwizard.generate.text.InstallNotes;
import io.pgbackupwizard.model.WizardInputParser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/**
 * The wizard's own output, for every chart generation x API version x choice it offers, gets no finding above warning
 * (but for the one documented exception below); and opening it in the wizard through the doctor's prefill and generating again
 * gives
 * the same file, which the doctor therefore finds clean too.
 */
@Tag("slow") // jqwik's own Tag: JUnit's is ignored by the jqwik engine
class WizardOutputIsCleanPropertyTest {

    /**
     * Rules the wizard's output may still trip, whatever the choice. Empty: the fixes of issues 11 (hooks inside the
     * Bitnami container) and 12 (installable in 2026) are on main, and the doctor agrees with them.
     */
    static final Set<String> KNOWN_WIZARD_GAPS = Set.of();

    /**
     * The one finding that cannot be fixed in the generator: charts 8.x-10.x default to Debian 10 images that no
     * registry serves for free in 2026 (bitnamilegacy holds only the tags of chart 11+; audit-2026.md). The wizard
     * warns about it (InstallNotes) and takes a vendor mirror through imageRegistry/imageRepository/imageTag; with
     * those set the finding must go away, so the exception holds only without an image override on those charts.
     */
    static boolean unfixable(Finding f, Map<String, List<String>> params) {
        boolean oldChart = !params.containsKey("chartFamily")
                && ChartVersion.parse(params.get("chartVersion").get(0)).major() < 11;
        boolean noOverride = params.getOrDefault("imageRepository", List.of("")).get(0).isEmpty();
        return f.rule().equals("IMAGE_NOT_PULLABLE") && oldChart && noOverride;
    }

    static boolean allowed(Finding f, Map<String, List<String>> params) {
        return !f.severity().aboveWarning() || KNOWN_WIZARD_GAPS.contains(f.rule()) || unfixable(f, params);
    }

    /** Every choice the form offers, on the KOTS install path (the doctor checks a KOTS HelmChart). */
    @Provide
    Arbitrary<Map<String, List<String>>> choices() {
        Arbitrary<Map<String, List<String>>> release = Combinators.combine(
                // (your own StatefulSet has no HelmChart for the doctor to read)
                Arbitraries.of(java.util.Arrays.stream(ChartFamily.values()).filter(f -> !f.ownWorkload()).toList())
                        .flatMap(f -> Arbitraries.of(f.knownVersions()).map(v -> f + " " + v)),
                Arbitraries.of("kots.io/v1beta1", "kots.io/v1beta2"),
                Arbitraries.of("Memory", "Disk"),
                Arbitraries.of("1Gi", "3Gi"),
                Arbitraries.of("true", "false"),
                Arbitraries.of("postgresql", "orders-db"),
                Arbitraries.of("username", "app_user"),
                Arbitraries.of("", "mirror")).as((chart, api, medium, size, external, name, user, image) -> {
                    Map<String, List<String>> p = new LinkedHashMap<>();
                    p.put("installPath", List.of("kots"));
                    ChartFamily family = ChartFamily.valueOf(chart.split(" ")[0]);
                    if (family != ChartFamily.BITNAMI)
                        p.put("chartFamily", List.of(family.param()));
                    p.put("chartVersion", List.of(chart.split(" ")[1]));
                    p.put("apiVersion", List.of(api));
                    p.put("scratchMedium", List.of(medium));
                    p.put("scratchSize", List.of(size));
                    p.put("allowExternal", List.of(external));
                    p.put("name", List.of(name));
                    p.put("username", List.of(user));
                    if (!image.isEmpty()) {
                        p.put("imageRegistry", List.of("registry.example.com:5000"));
                        p.put("imageRepository",
                                List.of(family == ChartFamily.BITNAMI ? "vendor/postgresql" : "vendor/postgres"));
                        p.put("imageTag", List.of(family == ChartFamily.BITNAMI ? "17.6.0-debian-12-r4" : "18.6"));
                    }
                    return p;
                });
        Arbitrary<Map<String, List<String>>> hooks = Combinators.combine(
                Arbitraries.of("custom", "plain"),
                Arbitraries.of("app", "postgres"),
                Arbitraries.of("Fail", "Continue"),
                Arbitraries.of("Fail", "Continue"),
                Arbitraries.of("true", "false"),
                Arbitraries.of("30m", "1h30m"),
                Arbitraries.of(false, true)).as((format, hookUser, onError, restoreOnError, restore, timeout, limits) -> {
                    Map<String, List<String>> p = new LinkedHashMap<>();
                    p.put("dumpFormat", List.of(format));
                    p.put("hookUser", List.of(hookUser));
                    p.put("onError", List.of(onError));
                    p.put("restoreOnError", List.of(restoreOnError));
                    p.put("restoreHook", List.of(restore));
                    p.put("hookTimeout", List.of(timeout));
                    if (limits) {
                        p.put("cpuLimit", List.of("2"));
                        p.put("memoryLimit", List.of("4Gi"));
                        p.put("ephemeralStorageLimit", List.of("8Gi"));
                    }
                    return p;
                });
        return Combinators.combine(release, hooks).as((a, b) -> {
            Map<String, List<String>> p = new LinkedHashMap<>(a);
            p.putAll(b);
            ChartFamily family = ChartFamily.parse(p.getOrDefault("chartFamily", List.of("bitnami")).get(0));
            ChartFacts facts = family.facts(family.version(p.get("chartVersion").get(0)));
            if (!facts.superuserPassword())
                p.put("hookUser", List.of("app")); // postgres needs Bitnami 11+; the official image has only one superuser
            if (!facts.limitsByDefault()) { // limits are for the resources preset
                p.remove("cpuLimit");
                p.remove("memoryLimit");
                p.remove("ephemeralStorageLimit");
            }
            return p;
        });
    }

    @Property(tries = 400)
    void wizardOutputHasNoFindingAboveWarningBeyondTheKnownGaps(@ForAll("choices") Map<String, List<String>> params) {
        String file = generate(params);
        DoctorReport report = Doctor.check(file, null);
        Set<String> unexpected = new TreeSet<>();
        for (Finding f : report.findings()) {
            if (!allowed(f, params))
                unexpected.add(f.rule() + " at " + f.path() + ": " + f.problem());
        }
        assertTrue(unexpected.isEmpty(), params + " gives " + unexpected + "\n" + file);
    }

    @Property(tries = 400)
    void openingTheFileInTheWizardGivesItBack(@ForAll("choices") Map<String, List<String>> params) {
        String file = generate(params);
        DoctorReport report = Doctor.check(file, null);
        assertEquals(file, report.wizardFile(), "prefill " + report.wizardQuery());
        assertEquals("", report.diff());
        Map<String, List<String>> again = new LinkedHashMap<>();
        report.wizardParams().forEach((k, v) -> again.put(k, List.of(v)));
        String regenerated = generate(again);
        DoctorReport second = Doctor.check(regenerated, null);
        assertTrue(second.findings().stream().allMatch(f -> allowed(f, again)),
                second.findings().toString());
    }

    /**
     * The exception is still needed (a chart 8.x-10.x default image is reported) and is no wider than it says
     * (chart 11+ defaults are not, nor 8.x-10.x with a mirror); when it no longer occurs, remove it.
     */
    @Example
    void theUnfixableImageExceptionIsStillObservedAndNarrow() {
        for (String chart : ChartFamily.BITNAMI.knownVersions()) {
            Map<String, List<String>> p = new LinkedHashMap<>();
            p.put("installPath", List.of("kots"));
            p.put("chartVersion", List.of(chart));
            boolean reported = Doctor.check(generate(p), null).findings().stream()
                    .anyMatch(f -> f.rule().equals("IMAGE_NOT_PULLABLE"));
            assertEquals(ChartVersion.parse(chart).major() < 11, reported, "IMAGE_NOT_PULLABLE on chart " + chart);
            p.put("imageRegistry", List.of("registry.example.com"));
            p.put("imageRepository", List.of("vendor/postgresql"));
            p.put("imageTag", List.of("11.14.0-debian-10-r28"));
            assertTrue(
                    Doctor.check(generate(p), null).findings().stream().noneMatch(f -> f.rule().equals("IMAGE_NOT_PULLABLE")),
                    "a mirror on chart " + chart + " still reported");
        }
    }

    static String generate(Map<String, List<String>> params) {
        WizardInputParser.Result parsed = new WizardInputParser().parse(params);
        assertTrue(parsed.ok(), parsed.errors().toString());
        return Release.of(parsed.input()).text(ReleaseFile.HELMCHART);
    }
}
