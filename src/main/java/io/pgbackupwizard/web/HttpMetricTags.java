package io.pgbackupwizard.web;

import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Keeps the HTTP metrics' method tag bounded: every method token a client invents ("M123") would otherwise
 * add permanent series until the heap is gone. Methods outside the standard ones share the tag OTHER.
 */
public class HttpMetricTags {

    static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE",
            "CONNECT");

    @Produces
    @Singleton
    MeterFilter boundedMethodTag() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String method = id.getTag("method");
                if (method == null || KNOWN_METHODS.contains(method))
                    return id;
                return id.withTag(Tag.of("method", "OTHER")); // replaces the tag of the same key
            }
        };
    }
}
