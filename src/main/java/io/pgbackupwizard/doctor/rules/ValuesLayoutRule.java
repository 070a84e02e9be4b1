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
                            + ", not a " + m.family().title() + " chart version of " + m.family().table().oldest()
                            + " or later (spec.chart.name " + m.family().chartName() + "), so the doctor cannot tell "
                            + "which values layout the chart reads; the rules that depend on it were skipped.",
                    "Write the exact chart version, such as 17.1.0, as in the chart .tgz you ship.");
            return;
        }
        ChartFacts gen = m.facts().get();
        // Bitnami's two pod keys; a chart that reads the pod's keys at the top of its values takes neither.
        List<String> wrongPods = gen.podKey().isEmpty() ? List.of("primary", "master")
                : List.of(gen.podKey().equals("master") ? "primary" : "master");
        for (String wrongPod : wrongPods) {
            Located other = m.values().get(wrongPod);
            boolean right = gen.podKey().isEmpty() ? m.values().get("podAnnotations").exists()
                    : m.values().get(gen.podKey()).exists();
            if (!other.exists() || right)
                continue;
            String where = gen.podKey().isEmpty() ? "the top of its values (podAnnotations, extraVolumes)"
                    : gen.podKey() + ".*";
            out.add("WRONG_POD_KEY", Severity.BREAKS_BACKUP, other,
                    m.family().title() + " " + m.chartVersion().get() + " reads the pod's values from " + where + ", not "
                            + wrongPod + ".* ("
                            + (gen.podKey().isEmpty() ? "it has no pod key"
                                    : "charts " + m.family().versionsWhere(f -> f.podKey().equals(gen.podKey())))
                            + "): the hook annotations and the scratch volume never "
                            + "reach the PostgreSQL pod, so no dump is taken and no volume is backed up.",
                    gen.podKey().isEmpty() ? "Move the keys under spec.values." + wrongPod + " to spec.values."
                            : "Rename spec.values." + wrongPod + " to spec.values." + gen.podKey() + ".");
        }
        checkCredentials(m, gen, out);
    }

    private static void checkCredentials(Manifest m, ChartFacts gen, Findings out) {
        boolean authLayout = gen.credentialsPath().contains("auth");
        boolean ownLayout = !gen.credentialsPath().get(0).equals("global"); // a chart that reads no global.postgresql
        List<Located> wrongPlaces = ownLayout
                ? List.of(m.values().at("global", "postgresql", "auth"),
                        m.values().at("global", "postgresql", "postgresqlUsername"),
                        m.values().at("global", "postgresql", "postgresqlPassword"),
                        m.values().at("global", "postgresql", "postgresqlDatabase"))
                : authLayout
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
                            + m.family().versionsWhere(f -> f.layout().equals(gen.layout())) + ") does not read "
                            + wrong.path()
                            + ": it creates neither the user nor the database written there, and sets its own "
                            + "random password, so the hooks' pg_dump/psql as that user fail.",
                    "Write the credentials as spec.values." + want + ".");
        }
    }
}
