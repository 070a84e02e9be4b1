package io.pgbackupwizard.generate.kots;

import static io.pgbackupwizard.generate.yaml.Maps.map;

import java.util.Map;

import io.pgbackupwizard.model.ResourceLimits;

/**
 * primary.resources for charts with a resources preset. Setting it replaces the preset as a whole (the
 * chart writes resources as given), so requests are written beside the limits.
 */
final class ResourceValues {
    private ResourceValues() {
    }

    static Map<String, Object> of(ResourceLimits r) {
        return map(
                "requests", map("cpu", r.cpuRequest().text(), "memory", r.memoryRequest().text(),
                        "ephemeral-storage", r.ephemeralStorageRequest().text()),
                "limits", map("cpu", r.cpu().text(), "memory", r.memory().text(),
                        "ephemeral-storage", r.ephemeralStorage().text()));
    }
}
