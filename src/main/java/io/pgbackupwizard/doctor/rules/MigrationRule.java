package io.pgbackupwizard.doctor.rules;

import java.util.List;
import java.util.Optional;

import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.doctor.Findings;
import io.pgbackupwizard.doctor.Located;
import io.pgbackupwizard.doctor.Manifest;
import io.pgbackupwizard.doctor.Rule;
import io.pgbackupwizard.doctor.Severity;
import io.pgbackupwizard.generate.migrate.MigrationChart;

/**
 * A release that installs the Bitnami chart beside the chart replacing it is a move off Bitnami, done or half done.
 * Its copy is the migration chart's Job (the marker it writes is what makes the move done): without the migration
 * chart the application moves to an empty database while its data stays in the Bitnami volume; with it but without
 * the Bitnami chart, the Job waits for a database that is gone and fails the upgrade; and the Job must run after both
 * PostgreSQL charts (a higher weight), or it waits for a chart KOTS has not installed yet.
 */
public final class MigrationRule implements Rule {

    @Override
    public String checks() {
        return "A release with the Bitnami chart beside the chart replacing it (several HelmCharts sent together) also"
                + " has the migration chart that copies the data, after both charts by weight; a release with the"
                + " migration chart still has the Bitnami chart it copies from.";
    }

    @Override
    public List<String> findings() {
        return List.of("MIGRATION_HALF_DONE", "MIGRATION_SOURCE_GONE", "MIGRATION_OUT_OF_ORDER");
    }

    static final String WIZARD = "The wizard writes the move: choose the new chart, and in \"Move the data from Bitnami"
            + " chart\" the Bitnami version your customers run (migrateFrom); the doctor's link fills both in.";

    @Override
    public void check(Manifest m, Findings out) {
        if (m.family() == ChartFamily.BITNAMI)
            return;
        Optional<Located> bitnami = m.companion(ChartFamily.BITNAMI.chartName());
        Optional<Located> migration = m.companion(MigrationChart.NAME);
        String target = m.family().title() + " (" + name(m.root()) + ")";
        if (bitnami.isPresent() && migration.isEmpty()) {
            out.add("MIGRATION_HALF_DONE", Severity.BREAKS_INSTALL, bitnami.get().at("spec", "chart", "name"),
                    "This release installs the Bitnami chart (" + name(bitnami.get()) + ") beside " + target + ", but"
                            + " nothing copies the data between them: the new database starts empty, and an application"
                            + " pointed at it finds none of its data (which stays in the Bitnami volume).",
                    WIZARD);
        } else if (migration.isPresent() && bitnami.isEmpty()) {
            out.add("MIGRATION_SOURCE_GONE", Severity.BREAKS_INSTALL, migration.get().at("spec", "chart", "name"),
                    "The migration chart (" + name(migration.get()) + ") copies from the Bitnami chart, which this"
                            + " release no longer installs: its Job waits for the old database, then fails the upgrade.",
                    "Drop the migration chart and its HelmChart in the same release that drops the Bitnami chart.");
        } else if (migration.isPresent()) {
            int copy = weight(migration.get());
            int before = Math.max(weight(m.root()), weight(bitnami.get()));
            if (copy <= before) {
                out.add("MIGRATION_OUT_OF_ORDER", Severity.BREAKS_INSTALL, migration.get().get("spec"),
                        "The migration chart has weight " + copy + ", not above both PostgreSQL charts (" + before
                                + "): KOTS installs charts in ascending weight, so the copy may start before the new"
                                + " chart exists.",
                        "Give the migration chart a weight above both PostgreSQL charts' (the wizard writes "
                                + "1 with theirs at 0) and your application's HelmChart a higher one still.");
            }
        }
    }

    private static String name(Located helmChart) {
        return helmChart.at("metadata", "name").text().orElse("unnamed");
    }

    /** spec.weight, KOTS's 0 when absent or not a number. */
    private static int weight(Located helmChart) {
        try {
            return Integer.parseInt(helmChart.at("spec", "weight").text().orElse("0").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
