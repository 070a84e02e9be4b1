package io.pgbackupwizard.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.pgbackupwizard.model.WizardInput;
import io.pgbackupwizard.model.WizardInputParser;
import io.pgbackupwizard.testsupport.ManifestView;
import io.pgbackupwizard.testsupport.TestParams;

/**
 * Test fixture: a release generated from wizard parameters (validated by the real parser, so tests only
 * ever see inputs a user could submit), with its YAML files read back by {@link ManifestView}.
 */
record Generated(WizardInput input, Release release) {

    /** @param paramsAndValues parameter names and values, alternating; the rest take their defaults */
    static Generated with(String... paramsAndValues) {
        Map<String, List<String>> params = TestParams.of(paramsAndValues);
        WizardInputParser.Result parsed = new WizardInputParser().parse(params);
        assertTrue(parsed.ok(), () -> "test input must be valid, but: " + parsed.errors());
        return new Generated(parsed.input(), Release.of(parsed.input()));
    }

    static Generated defaults() {
        return with();
    }

    Map<String, Object> helmChart() {
        return ManifestView.load(release.text(ReleaseFile.HELMCHART));
    }

    Map<String, Object> config() {
        return ManifestView.load(release.text(ReleaseFile.CONFIG));
    }

    Map<String, Object> backup() {
        return ManifestView.load(release.text(ReleaseFile.BACKUP));
    }

    /** spec.values of the HelmChart. */
    Map<String, Object> values() {
        return ManifestView.map(helmChart(), "spec", "values");
    }

    static void assertSingleEntry(List<Object> list, String what) {
        assertEquals(1, list.size(), what + " holds exactly one entry: " + list);
    }
}
