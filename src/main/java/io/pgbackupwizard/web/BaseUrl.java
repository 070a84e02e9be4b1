package io.pgbackupwizard.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;

/** The service's public URL for the curl lines users copy: configured, or else as the request saw it. */
@ApplicationScoped
public class BaseUrl {

    private final String configured;

    BaseUrl(WizardConfig config) {
        this.configured = config.baseUrl().map(u -> u.replaceAll("/+$", "")).orElse(null);
    }

    public String of(UriInfo uri) {
        return configured != null ? configured : uri.getBaseUri().toString().replaceAll("/+$", "");
    }
}
