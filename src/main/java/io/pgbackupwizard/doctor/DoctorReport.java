package io.pgbackupwizard.doctor;

import java.util.List;
import java.util.Map;

/**
 * What the doctor says about one HelmChart.
 *
 * @param wizardParams what it read, in the wizard's parameter names (only values the wizard accepts)
 * @param wizardQuery those as a query string for the wizard page
 * @param wizardFile the HelmChart the wizard writes for them (null if they do not make a valid input)
 * @param diff unified diff from the given file to wizardFile ("" when equal)
 * @param dropped findings not listed: repeats of one id, or beyond the cap ({@link Findings})
 * @param keptFlagged values of the file the wizard link keeps although a finding flagged them
 * @param wizardQueryWithFixes the link without those (the wizard's defaults instead); "" when nothing is kept
 */
public record DoctorReport(String name, String apiVersion, String chartVersion, boolean configChecked,
        List<Finding> findings, int dropped, Map<String, String> wizardParams, String wizardQuery, String wizardFile,
        String diff, List<WizardPrefill.Kept> keptFlagged, String wizardQueryWithFixes) {

    public long aboveWarning() {
        return findings.stream().filter(f -> f.severity().aboveWarning()).count();
    }
}
