package io.pgbackupwizard.model;

/** One problem with one request parameter, phrased for the person who typed it. */
public record FieldError(String field, String message) {
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
