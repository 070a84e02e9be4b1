package io.pgbackupwizard.doctor;

/** How bad a finding is, in what it does to the customer's cluster. Ordered worst first. */
public enum Severity {
    BREAKS_INSTALL("breaks install"),
    BREAKS_BACKUP("breaks backup"),
    BREAKS_RESTORE("breaks restore"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** For people: "breaks backup". */
    public String label() {
        return label;
    }

    public boolean aboveWarning() {
        return this != WARNING;
    }
}
