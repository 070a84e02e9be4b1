package io.pgbackupwizard.web;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.pgbackupwizard.generate.Release;
import io.pgbackupwizard.generate.ReleaseFile;

/** Ready when the generator produces the default release (templates, YAML emitter and defaults all work). */
@Readiness
@ApplicationScoped
public class GeneratorReadiness implements HealthCheck {

    @Inject
    WizardService wizard;

    @Override
    public HealthCheckResponse call() {
        var parsed = wizard.parse(Map.of());
        boolean ok = parsed.ok() && !Release.of(parsed.input()).text(ReleaseFile.HELMCHART).isEmpty();
        return HealthCheckResponse.named("generator").status(ok).build();
    }
}
