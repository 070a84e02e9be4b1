package io.pgbackupwizard.web.doctor;

import io.pgbackupwizard.doctor.DoctorReport;
import io.pgbackupwizard.doctor.Finding;

/** The doctor's answer for curl: one block per finding, the wizard link, the diff. */
final class DoctorText {
    private DoctorText() {
    }

    static String render(DoctorReport r, String wizardLink, String wizardLinkWithFixes) {
        StringBuilder out = new StringBuilder();
        out.append(r.name().isEmpty() ? "HelmChart" : r.name()).append(" (").append(r.apiVersion())
                .append(r.chartVersion().isEmpty() ? "" : ", chart " + r.chartVersion()).append("): ")
                .append(r.findings().size()).append(r.findings().size() == 1 ? " finding" : " findings").append(", ")
                .append(r.aboveWarning()).append(" above warning")
                .append(r.configChecked() ? " (Config checked too)" : "")
                .append(r.dropped() > 0 ? "; " + r.dropped() + " more not listed (repeats of one finding)" : "").append("\n\n");
        for (Finding f : r.findings()) {
            out.append(f.severity().label().toUpperCase()).append("  ").append(f.rule()).append("  line ").append(f.line())
                    .append("  ").append(f.path()).append('\n')
                    .append("  what goes wrong: ").append(f.problem()).append('\n')
                    .append("  fix: ").append(f.fix()).append("\n\n");
        }
        out.append("Open in the wizard: ").append(wizardLink).append('\n');
        if (!r.keptFlagged().isEmpty()) {
            out.append("  it keeps from your file what the findings flagged:");
            r.keptFlagged().forEach(k -> out.append(' ').append(k.param()).append('=').append(k.value()).append(" (")
                    .append(k.rule()).append(')'));
            out.append('\n');
            if (!wizardLinkWithFixes.isEmpty())
                out.append("Open in the wizard with fixes (its defaults for those): ").append(wizardLinkWithFixes).append('\n');
        }
        if (!r.diff().isEmpty())
            out.append("\nDiff against the wizard's output for these values:\n").append(r.diff());
        return out.toString();
    }
}
