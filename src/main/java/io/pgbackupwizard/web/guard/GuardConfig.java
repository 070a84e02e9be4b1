package io.pgbackupwizard.web.guard;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the request guards (environment: WIZARD_GUARD_BODY_DEADLINE). */
@ConfigMapping(prefix = "wizard.guard")
public interface GuardConfig {

    /** How long a request body may take to arrive, in all (BodyDeadline). */
    @WithDefault("10s")
    Duration bodyDeadline();
}
