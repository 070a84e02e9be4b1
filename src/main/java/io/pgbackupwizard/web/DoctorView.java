package io.pgbackupwizard.web;

import io.pgbackupwizard.doctor.DoctorReport;

/** What the doctor page shows: the texts as given (to check again), and the report or the reason there is none. */
public record DoctorView(String manifest, String config, String error, DoctorReport report, String wizardLink) {

    static DoctorView empty() {
        return new DoctorView("", "", null, null, null);
    }

    public boolean hasReport() { return report != null; }
}
