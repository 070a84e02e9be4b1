package io.pgbackupwizard.doctor.rules;

import io.pgbackupwizard.doctor.Findings;
import io.pgbackupwizard.doctor.Manifest;
import io.pgbackupwizard.doctor.Rule;
import io.pgbackupwizard.doctor.Severity;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** KOTS templates are Go templates: string arguments take double quotes or backticks; single quotes fail to render. */
public final class TemplateQuotesRule implements Rule {

    static final Pattern TEMPLATE = Pattern.compile("(?:repl\\{\\{|\\{\\{repl)(.*?)\\}\\}");

    @Override
    public void check(Manifest m, Findings out) {
        m.root().forEachScalar(s -> {
            Matcher t = TEMPLATE.matcher(s.text().orElse(""));
            while (t.find()) {
                if (t.group(1).contains("'")) {
                    out.add("TEMPLATE_SINGLE_QUOTES", Severity.BREAKS_INSTALL, s,
                            "The KOTS template '" + t.group() + "' passes an argument in single quotes; Go templates "
                                    + "read those as a character constant, so rendering fails and the release does not install.",
                            "Use double quotes or backticks: " + t.group().replace('\'', '"') + ".");
                    return;
                }
            }
        });
    }
}
