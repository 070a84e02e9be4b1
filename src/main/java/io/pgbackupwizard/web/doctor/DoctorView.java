package io.pgbackupwizard.web.doctor;

import java.util.ArrayList;
import java.util.List;

import io.pgbackupwizard.doctor.DoctorReport;

/** What the doctor page shows: the texts as given (to check again), and the report or the reason there is none. */
public record DoctorView(String manifest, String config, String error, DoctorReport report, String wizardLink,
        String wizardLinkWithFixes) {

    static DoctorView empty() {
        return new DoctorView("", "", null, null, null, null);
    }

    public boolean hasReport() {
        return report != null;
    }

    /** Consecutive diff lines of one kind: add (+), del (-), hunk (@@), file (+++ / ---) or ctx; each line ends in \n. */
    public record DiffRun(String kind, String text) {
    }

    /**
     * The diff as runs the page colours; the +/- marks stay in the text, so colour is never the only cue. Runs, not
     * lines: a file of 60,000 one-character lines would otherwise cost a tag per line.
     */
    public List<DiffRun> diffRuns() {
        if (report == null || report.diff() == null || report.diff().isEmpty())
            return List.of();
        List<DiffRun> runs = new ArrayList<>();
        String kind = null;
        StringBuilder text = new StringBuilder();
        for (String l : (Iterable<String>) report.diff().lines()::iterator) {
            String k = l.startsWith("+++") || l.startsWith("---") ? "file"
                    : l.startsWith("@@") ? "hunk" : l.startsWith("+") ? "add" : l.startsWith("-") ? "del" : "ctx";
            if (!k.equals(kind) && kind != null) {
                runs.add(new DiffRun(kind, text.toString()));
                text.setLength(0);
            }
            kind = k;
            text.append(l).append('\n');
        }
        if (kind != null)
            runs.add(new DiffRun(kind, text.toString()));
        return runs;
    }
}
