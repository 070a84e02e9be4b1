package io.pgbackupwizard.doctor;

/** Checks a manifest for one pitfall and reports each occurrence. Rules only read; nothing from the file is run. */
public interface Rule {
    void check(Manifest m, Findings out);
}
