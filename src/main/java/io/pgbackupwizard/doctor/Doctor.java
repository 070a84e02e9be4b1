package io.pgbackupwizard.doctor;

import java.util.List;

import io.pgbackupwizard.doctor.rules.AnnotationValuesRule;
import io.pgbackupwizard.doctor.rules.BackupVolumesRule;
import io.pgbackupwizard.doctor.rules.ClearPasswordRule;
import io.pgbackupwizard.doctor.rules.ClientOptionsRule;
import io.pgbackupwizard.doctor.rules.ConfigReferencesRule;
import io.pgbackupwizard.doctor.rules.DumpFormatRule;
import io.pgbackupwizard.doctor.rules.HookFormatRule;
import io.pgbackupwizard.doctor.rules.HookSettingsRule;
import io.pgbackupwizard.doctor.rules.ImageRule;
import io.pgbackupwizard.doctor.rules.KotsApiRule;
import io.pgbackupwizard.doctor.rules.MemoryScratchRule;
import io.pgbackupwizard.doctor.rules.MigrationRule;
import io.pgbackupwizard.doctor.rules.OperatorClusterRule;
import io.pgbackupwizard.doctor.rules.PasswordSourceRule;
import io.pgbackupwizard.doctor.rules.TemplateQuotesRule;
import io.pgbackupwizard.doctor.rules.ValuesLayoutRule;
import io.pgbackupwizard.doctor.rules.VeleroKeysRule;
import io.pgbackupwizard.generate.Release;
import io.pgbackupwizard.generate.ReleaseFile;

/**
 * Checks a KOTS HelmChart for the PostgreSQL backup pitfalls, reads what the wizard can take from it, and diffs the
 * file against what the wizard writes for those values. Pure: text in, report out; nothing from the file is run.
 */
public final class Doctor {
    private Doctor() {
    }

    public static final List<Rule> RULES = List.of(new ValuesLayoutRule(), new KotsApiRule(), new ImageRule(),
            new TemplateQuotesRule(), new ConfigReferencesRule(), new ClearPasswordRule(), new AnnotationValuesRule(),
            new VeleroKeysRule(), new HookFormatRule(), new ClientOptionsRule(), new PasswordSourceRule(),
            new HookSettingsRule(), new BackupVolumesRule(), new MemoryScratchRule(), new DumpFormatRule(),
            new OperatorClusterRule(), new MigrationRule());

    /** What still applies to a CloudNativePG cluster chart: its own rule and the ones about KOTS templates. */
    static final List<Class<? extends Rule>> OPERATOR_CLUSTER_RULES = List.of(OperatorClusterRule.class,
            TemplateQuotesRule.class, ConfigReferencesRule.class, MigrationRule.class);

    /**
     * @param manifest the HelmChart (may also hold the Config as a second document)
     * @param config the release's Config, or null
     * @throws ManifestRejected when the text cannot be checked
     */
    public static DoctorReport check(String manifest, String config) {
        ManifestReader.Documents docs = ManifestReader.read(manifest, config);
        Manifest m = new Manifest(docs.helmChart(), docs.config(), docs.companions());
        Findings findings = new Findings();
        for (Rule rule : RULES) {
            if (!m.operatorCluster() || OPERATOR_CLUSTER_RULES.contains(rule.getClass()))
                rule.check(m, findings);
        }
        WizardPrefill.Prefill prefill = WizardPrefill.of(m);
        String wizardFile = prefill.parsed().ok() ? Release.of(prefill.parsed().input()).text(ReleaseFile.HELMCHART) : null;
        String diff = wizardFile == null ? "" : UnifiedDiff.of("your HelmChart", manifest, "wizard", wizardFile);
        List<Finding> sorted = findings.sorted();
        List<WizardPrefill.Kept> kept = prefill.kept(sorted);
        return new DoctorReport(m.root().at("metadata", "name").text().orElse(""), m.apiVersion(),
                m.chartVersion().map(Object::toString).orElse(""), m.config().isPresent(), sorted,
                findings.dropped(),
                prefill.params(), prefill.query(), wizardFile, diff, kept,
                kept.isEmpty() ? "" : prefill.queryWithFixes(kept));
    }
}
