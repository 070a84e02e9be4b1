package io.pgbackupwizard.generate.text;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.generate.helm.HelmCliValues;
import io.pgbackupwizard.generate.migrate.MigrationChart;
import io.pgbackupwizard.generate.migrate.MigrationHelmChart;
import io.pgbackupwizard.model.InstallPath;
import io.pgbackupwizard.model.WizardInput;

/**
 * What the vendor's engineer does after downloading: the steps the page lists under "What next" and the zip
 * carries as README.txt. Facts and sources: docs/facts/audit-2026.md and docs/facts/install-paths.md.
 */
public final class NextSteps {
    private NextSteps() {
    }

    /** One step: a short title, what to do, and the commands to run (may be empty). */
    public record Step(String title, String text, List<String> commands) {
    }

    /** What an install path's steps are made of; several paths share the release's steps once. */
    private enum Part {
        SNAPSHOTS,
        EMBEDDED,
        HELM_CLI
    }

    public static List<Step> of(WizardInput in) {
        List<Step> steps = new ArrayList<>();
        Set<Part> parts = EnumSet.noneOf(Part.class);
        // Each install path's own summary and requirements (model/InstallPath), then the steps they need, each once.
        if (in.family().backsItselfUp()) {
            for (InstallPath path : in.installPaths())
                steps.add(new Step("For " + path.label(), CloudNativePgTexts.summary(path), List.of()));
            // The notes are the same on every path but air gap (not Helm CLI): each once.
            in.installPaths().stream().flatMap(p -> CloudNativePgTexts.notes(p).stream()).distinct()
                    .forEach(n -> steps.add(new Step("Know this", n, List.of())));
            steps.addAll(CloudNativePgTexts.steps(in));
            return List.copyOf(steps);
        }
        boolean own = in.family().ownWorkload();
        for (InstallPath path : in.installPaths()) {
            steps.add(new Step("For " + path.label(), own ? OwnStatefulSetTexts.summary(path, in) : path.summary(),
                    List.of()));
            (own ? OwnStatefulSetTexts.notes(path) : path.notes())
                    .forEach(n -> steps.add(new Step("Know this", n, List.of())));
            // A switch expression: a new install path that is not placed here does not compile.
            parts.add(switch (path) {
                case KOTS, KURL -> Part.SNAPSHOTS;
                case EMBEDDED_V2, EMBEDDED_V3 -> Part.EMBEDDED;
                case HELM -> Part.HELM_CLI;
            });
        }
        if (own)
            steps.addAll(OwnStatefulSetTexts.steps(in));
        else if (parts.contains(Part.SNAPSHOTS) || parts.contains(Part.EMBEDDED))
            steps.addAll(kotsRelease(in));
        if (parts.contains(Part.SNAPSHOTS))
            steps.addAll(snapshots(!parts.contains(Part.EMBEDDED)));
        if (parts.contains(Part.EMBEDDED)) {
            steps.add(new Step("Embedded Cluster: no KOTS snapshots",
                    "KOTS snapshots do not work on Embedded Cluster installs; backups there come from the files of this"
                            + " install path (above), and a restore drill on a spare VM is the only real test.",
                    List.of()));
        }
        if (parts.contains(Part.HELM_CLI)) {
            if (!own)
                steps.add(new Step("Name the PostgreSQL dependency " + HelmCliValues.dependency(in),
                        "In your chart's Chart.yaml, PostgreSQL is the dependency " + InstallNotes.dependencyNamed(in)
                                + ": the values sit under that name, and the hooks exec in the container it names.",
                        List.of()));
            if (in.migrating()) {
                steps.add(new Step("Move your customers' data off the Bitnami chart (Helm CLI)",
                        "It takes three versions of your chart: the new chart as the dependency "
                                + HelmCliValues.dependency(in) + " beside the Bitnami one; then the migration chart"
                                + " with migration-helm-values.yaml (its copy runs before your application moves); then"
                                + " neither the Bitnami chart nor the migration chart. migration.md says how, and how to"
                                + " roll back.",
                        List.of("helm package " + MigrationChart.NAME)));
            }
            steps.add(new Step("Test a backup, then a restore",
                    "Install your chart with " + (own ? "the patch" : "the values")
                            + " on a test cluster whose Velero has the node agent, write some"
                            + " data, back up the namespace and read the details: the pre-backup hook must have run and"
                            + " the scratch volume must have been copied. Then restore into a fresh namespace and check the data.",
                    List.of("velero backup create pg-test --include-namespaces <app-namespace> --wait",
                            "velero backup describe pg-test --details",
                            "velero restore create --from-backup pg-test --wait")));
        }
        return List.copyOf(steps);
    }

    private static List<Step> kotsRelease(WizardInput in) {
        List<Step> steps = new ArrayList<>();
        String version = in.chartVersion().toString();
        steps.add(new Step("Add the chart archive to the release",
                "KOTS installs the chart from the .tgz in the release, so put " + in.family().chartName() + "-" + version
                        + ".tgz next to " + in.name() + "-helmchart.yaml (the HelmChart's chartVersion must match it)."
                        + (in.family() == ChartFamily.BITNAMI
                                ? " Versions older than about six months are listed only in the archive-full-index branch"
                                        + " of bitnami/charts."
                                : ""),
                List.of("helm pull " + in.family().chartRepository() + " --version " + version)));
        steps.add(new Step("Merge config.yaml into your Config",
                "A release has one Config. If yours already has one, copy the \"database\" group's items into it instead"
                        + " of adding config.yaml: a second kind: Config clashes with the first. Keep the item names,"
                        + " the HelmChart refers to them.",
                List.of()));
        steps.add(new Step("Give your application the connection",
                "app-database-values.yaml is not a manifest: merge its " + (in.allowExternal() ? "optionalValues" : "values")
                        + " into the spec of your own application's HelmChart and rename the keys under \"database\""
                        + " to what your chart reads. Then delete the file from the release.",
                List.of()));
        if (in.migrating())
            steps.add(migration(in));
        return steps;
    }

    /** The move off Bitnami: what the release adds for it; migration.md has the rest. */
    private static Step migration(WizardInput in) {
        return new Step("Move your customers' data off the Bitnami chart",
                "This release keeps the Bitnami chart " + in.migrateFrom() + " (release " + in.migrateFromRelease()
                        + ") and copies its data into this chart at the upgrade. Package the migration chart and add it"
                        + " with " + in.migrationRelease() + "-helmchart.yaml, give your application's HelmChart a"
                        + " weight above " + MigrationHelmChart.WEIGHT + " so it moves after the copy, and mark the"
                        + " release required. migration.md says what runs in which order, how to roll back, and what"
                        + " the next release drops.",
                List.of("helm package " + MigrationChart.NAME));
    }

    /** @param embeddedNotServed the release has no Embedded Cluster path: say those installs are not covered */
    private static List<Step> snapshots(boolean embeddedNotServed) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("Enable snapshots for the customer",
                "On the Vendor Portal, turn on \"Allow Snapshots\" (isSnapshotSupported) in the customer's license;"
                        + " without it the admin console offers no backups. The cluster needs Velero with the node agent"
                        + " (file-system backup) and a storage destination.",
                List.of()));
        steps.add(new Step("Test a backup, then a restore",
                "Install the release on a test cluster, write some data, take a backup and read its details: the "
                        + "pre-backup hook must have run and the scratch volume must have been copied. Then do a restore"
                        + " drill: restore into a fresh install and check the data came back.",
                List.of("kubectl kots backup --namespace <app-namespace>",
                        "velero backup describe <backup-name> --details --namespace velero",
                        "kubectl kots restore --from-backup <backup-name>")));
        if (embeddedNotServed) {
            steps.add(new Step("Embedded Cluster installs are not covered",
                    "KOTS snapshots do not work on Embedded Cluster installs: there the hooks do nothing until Velero is"
                            + " set up another way (disaster recovery on v2, a Velero extension on v3).",
                    List.of()));
        }
        return steps;
    }

    /** The steps as README.txt: plain text, numbered, commands indented. */
    public static String readme(WizardInput in) {
        StringBuilder out = new StringBuilder();
        out.append("What next: using these files (")
                .append(in.installPaths().stream().map(InstallPath::label).collect(Collectors.joining("; "))).append(")\n");
        out.append("=".repeat(40)).append("\n\n");
        if (in.family().ownWorkload())
            out.append("Generated by the Postgres Backup Wizard for your StatefulSet \"").append(in.name()).append("\".\n");
        else
            out.append("Generated by the Postgres Backup Wizard for HelmChart \"").append(in.name())
                    .append("\", chart ").append(in.family().chartName()).append(' ').append(in.chartVersion()).append(".\n");
        int n = 1;
        for (Step s : of(in)) {
            out.append('\n').append(n++).append(". ").append(s.title()).append("\n\n");
            out.append(wrap(s.text(), 76, "   ")).append('\n');
            for (String c : s.commands())
                out.append("\n       ").append(c).append('\n');
        }
        return out.toString();
    }

    private static String wrap(String text, int width, String indent) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
                out.append(line).append('\n');
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length())
                line.append(' ');
            line.append(word);
        }
        return out.append(line).toString();
    }
}
