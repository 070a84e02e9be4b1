package io.pgbackupwizard.web;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Operator settings (environment variables WIZARD_BASE_URL, WIZARD_DEFAULT_CHART_VERSION). */
@ConfigMapping(prefix = "wizard")
public interface WizardConfig {

    /** Public URL of this service, used in the curl lines shown to users; the request's own URL when unset. */
    Optional<String> baseUrl();

    /** The chart version the form starts with, when not the built-in default of {@code Field.CHART_VERSION}. */
    Optional<String> defaultChartVersion();
}
