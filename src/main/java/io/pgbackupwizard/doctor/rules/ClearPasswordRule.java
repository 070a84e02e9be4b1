package io.pgbackupwizard.doctor.rules;

import java.util.List;

import io.pgbackupwizard.doctor.Findings;
import io.pgbackupwizard.doctor.Located;
import io.pgbackupwizard.doctor.Manifest;
import io.pgbackupwizard.doctor.Rule;
import io.pgbackupwizard.doctor.Severity;

/** A database password written in the release is the same in every customer's cluster and readable by anyone. */
public final class ClearPasswordRule implements Rule {

    @Override
    public String checks() {
        return "No database password is written in clear in the release.";
    }

    @Override
    public List<String> findings() {
        return List.of("CLEAR_PASSWORD");
    }

    @Override
    public void check(Manifest m, Findings out) {
        Located v = m.values();
        for (Located at : List.of(v.at("global", "postgresql", "postgresqlPassword"), v.get("postgresqlPassword"),
                v.get("postgresqlPostgresPassword"), v.at("global", "postgresql", "auth", "password"),
                v.at("global", "postgresql", "auth", "postgresPassword"), v.at("auth", "password"),
                v.at("auth", "postgresPassword"))) {
            String text = at.text().orElse("");
            if (!text.isEmpty() && !text.contains("{{")) {
                out.add("CLEAR_PASSWORD", Severity.WARNING, at,
                        "The database password is written in clear: every customer gets the same one, and it is readable "
                                + "in the release and in Git.",
                        "Generate it per install: a hidden Config item of type password with value 'repl{{ RandomString 32 }}', "
                                + "referenced here as 'repl{{ ConfigOption \"<item>\" }}'.");
            }
        }
    }
}
