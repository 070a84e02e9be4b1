package io.pgbackupwizard.doctor.rules;

import java.util.List;

import io.pgbackupwizard.chart.ChartFacts;
import io.pgbackupwizard.doctor.Findings;
import io.pgbackupwizard.doctor.Located;
import io.pgbackupwizard.doctor.Manifest;
import io.pgbackupwizard.doctor.Rule;
import io.pgbackupwizard.doctor.Severity;

/** The values layout must be the one the chart version reads: master.* or primary.*, and its credential keys. */
public final class ValuesLayoutRule implements Rule {

    @Override
    public String checks() {
        return "The values layout is the one the chart version reads: `master.*` or `primary.*`, and its credential keys.";
    }

    @Override
    public List<String> findings() {
        return List.of("UNKNOWN_CHART_VERSION", "WRONG_CREDENTIAL_KEYS", "WRONG_POD_KEY");
    }

    @Override
    public void check(Manifest m, Findings out) {
        Located version = m.spec().at("chart", "chartVersion");
        if (m.facts().isEmpty()) {
            out.add("UNKNOWN_CHART_VERSION", Severity.WARNING, version,
                    "spec.chart.chartVersion is " + version.text().map(v -> "'" + v + "'").orElse("missing")
                            + ", not a Bitnami postgresql chart version of 8.0.0 or later, so the doctor cannot tell "
                            + "which values layout the chart reads; the rules that depend on it were skipped.",
                    "Write the exact chart version, such as 17.1.0, as in the chart .tgz you ship.");
            return;
        }
        ChartFacts gen = m.facts().get();
        String wrongPod = gen.podKey().equals("master") ? "primary" : "master";
        Located other = m.values().get(wrongPod);
        if (other.exists() && !m.values().get(gen.podKey()).exists()) {
            out.add("WRONG_POD_KEY", Severity.BREAKS_BACKUP, other,
                    "Chart " + m.chartVersion().get() + " reads the pod's values from " + gen.podKey() + ".*, not "
                            + wrongPod + ".* (charts " + Manifest.family().versionsWhere(f -> f.podKey().equals(gen.podKey()))
                            + "): the hook annotations and the scratch volume never "
                            + "reach the PostgreSQL pod, so no dump is taken and no volume is backed up.",
                    "Rename spec.values." + wrongPod + " to spec.values." + gen.podKey() + ".");
        }
        checkCredentials(m, gen, out);
    }

    private static void checkCredentials(Manifest m, ChartFacts gen, Findings out) {
        boolean authLayout = gen.credentialsPath().contains("auth");
        List<Located> wrongPlaces = authLayout
                ? List.of(m.values().at("global", "postgresql", "postgresqlUsername"),
                        m.values().at("global", "postgresql", "postgresqlPassword"),
                        m.values().at("global", "postgresql", "postgresqlDatabase"),
                        m.values().get("postgresqlUsername"), m.values().get("postgresqlPassword"),
                        m.values().get("postgresqlDatabase"))
                : List.of(m.values().at("global", "postgresql", "auth"), m.values().get("auth"));
        for (Located wrong : wrongPlaces) {
            if (!wrong.exists())
                continue;
            String want = String.join(".", gen.credentialsPath()) + ".{" + gen.usernameKey() + ", " + gen.passwordKey()
                    + ", " + gen.databaseKey() + "}";
            out.add("WRONG_CREDENTIAL_KEYS", Severity.BREAKS_BACKUP, wrong,
                    "Chart " + m.chartVersion().get() + " ("
                            + Manifest.family().versionsWhere(f -> f.layout().equals(gen.layout())) + ") does not read "
                            + wrong.path()
                            + ": it creates neither the user nor the database written there, and sets its own "
                            + "random password, so the hooks' pg_dump/psql as that user fail.",
                    "Write the credentials as spec.values." + want + ".");
        }
    }
}
