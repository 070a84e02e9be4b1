package io.pgbackupwizard.doctor.rules;

import java.util.ArrayList;
import java.util.List;

import io.pgbackupwizard.doctor.Findings;
import io.pgbackupwizard.doctor.Manifest;
import io.pgbackupwizard.doctor.Rule;
import io.pgbackupwizard.doctor.Severity;

/** KOTS templates are Go templates: string arguments take double quotes or backticks; single quotes fail to render. */
public final class TemplateQuotesRule implements Rule {

    @Override
    public String checks() {
        return "KOTS template arguments use double quotes or backticks; single quotes fail to render.";
    }

    @Override
    public List<String> findings() {
        return List.of("TEMPLATE_SINGLE_QUOTES");
    }

    @Override
    public void check(Manifest m, Findings out) {
        m.root().forEachScalar(s -> {
            for (String t : templates(s.text().orElse(""))) {
                if (t.contains("'")) {
                    out.add("TEMPLATE_SINGLE_QUOTES", Severity.BREAKS_INSTALL, s,
                            "The KOTS template '" + t + "' passes an argument in single quotes; Go templates "
                                    + "read those as a character constant, so rendering fails and the release does not install.",
                            "Use double quotes or backticks: " + t.replace('\'', '"') + ".");
                    return;
                }
            }
        });
    }

    /**
     * Each {@code repl{{ ... }}} or {@code {{repl ... }}} on one line, as written. A linear scan: the next closing
     * braces and the next line end are looked up once and reused, so thousands of unclosed openings cost one pass
     * (the lazy regular expression this replaces rescanned the rest of the text from each opening).
     */
    static List<String> templates(String text) {
        List<String> found = new ArrayList<>();
        int close = -1, newline = -1;
        for (int at = nextOpening(text, 0); at >= 0;) {
            int body = at + 6;
            if (close < body)
                close = text.indexOf("}}", body);
            if (close < 0)
                break; // no closing anywhere after: no further template
            if (newline < body)
                newline = text.indexOf('\n', body);
            if (newline >= 0 && newline < close) { // not closed on its line: try the next opening
                at = nextOpening(text, at + 1);
                continue;
            }
            found.add(text.substring(at, close + 2));
            at = nextOpening(text, close + 2);
        }
        return found;
    }

    private static int nextOpening(String text, int from) {
        int a = text.indexOf("repl{{", from), b = text.indexOf("{{repl", from);
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }
}
