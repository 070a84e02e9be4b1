package io.pgbackupwizard.doctor;

/** Checks a manifest for one pitfall and reports each occurrence. Rules only read; nothing from the file is run. */
public interface Rule {
    void check(Manifest m, Findings out);

    /** What the rule checks, in one sentence (docs/doctor-rules.md). */
    String checks();

    /** The finding ids it can report; FindingIdsTest holds this list to the ids the rule's code writes. */
    java.util.List<String> findings();
}
