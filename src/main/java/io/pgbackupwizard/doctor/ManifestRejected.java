package io.pgbackupwizard.doctor;

/** The text cannot be checked at all (not YAML, not a HelmChart, too big, aliases that expand...). */
public final class ManifestRejected extends RuntimeException {

    private final boolean tooLarge;

    private ManifestRejected(String message, boolean tooLarge) {
        super(message, null, false, false); // a message for people; no stack trace is ever shown
        this.tooLarge = tooLarge;
    }

    public static ManifestRejected bad(String message) {
        return new ManifestRejected(message, false);
    }

    public static ManifestRejected tooLarge(String message) {
        return new ManifestRejected(message, true);
    }

    /** True for sizes the web layer answers with 413 instead of 400. */
    public boolean tooLarge() {
        return tooLarge;
    }
}
