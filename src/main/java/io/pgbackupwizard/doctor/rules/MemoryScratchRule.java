package io.pgbackupwizard.doctor.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import io.pgbackupwizard.chart.ChartFacts;
import io.pgbackupwizard.chart.Quantity;
import io.pgbackupwizard.doctor.Findings;
import io.pgbackupwizard.doctor.Located;
import io.pgbackupwizard.doctor.Manifest;
import io.pgbackupwizard.doctor.Rule;
import io.pgbackupwizard.doctor.Severity;

/**
 * A Memory emptyDir is a tmpfs that counts against the container's memory limit. From chart 15.0.0 the container
 * gets resourcesPreset nano (192Mi), so a dump of any size gets PostgreSQL OOM-killed, and the dump keeps holding
 * that memory until the next backup.
 */
public final class MemoryScratchRule implements Rule {

    @Override
    public String checks() {
        return "A Memory scratch volume fits under the container's memory limit with PostgreSQL's own working set.";
    }

    @Override
    public List<String> findings() {
        return List.of("MEMORY_SCRATCH", "MEMORY_SCRATCH_OVER_LIMIT");
    }

    /** PostgreSQL's own working set: shared_buffers is 128MB by default. */
    static final BigDecimal HEADROOM = BigDecimal.valueOf(128).multiply(Quantity.MI);

    @Override
    public void check(Manifest m, Findings out) {
        for (Located volume : m.pod().get("extraVolumes").items()) {
            Located medium = volume.at("emptyDir", "medium");
            if (!medium.text().orElse("").equals("Memory"))
                continue;
            String name = volume.get("name").text().orElse("?");
            Optional<BigDecimal> size = volume.at("emptyDir", "sizeLimit").text().flatMap(Quantity::tryParse)
                    .map(Quantity::value);
            if (!m.facts().map(ChartFacts::limitsByDefault).orElse(false)) {
                out.add("MEMORY_SCRATCH", Severity.WARNING, medium,
                        "The scratch volume '" + name + "' is a tmpfs: the dump holds that much RAM on the node from one "
                                + "backup to the next, and a limit added later counts it.",
                        "Drop medium: Memory (node ephemeral disk), as the current Replicated example does.");
                continue;
            }
            Optional<String> limit = memoryLimit(m);
            if (limit.isEmpty()) {
                out.add("MEMORY_SCRATCH", Severity.WARNING, medium,
                        "The scratch volume '" + name + "' is a tmpfs and the container has no memory limit: the dump "
                                + "holds that RAM from one backup to the next.",
                        "Drop medium: Memory (node ephemeral disk).");
                continue;
            }
            Optional<BigDecimal> limitBytes = Quantity.tryParse(limit.get()).map(Quantity::value);
            boolean fits = size.isPresent() && limitBytes.isPresent()
                    && size.get().add(HEADROOM).compareTo(limitBytes.get()) <= 0;
            if (!fits) {
                out.add("MEMORY_SCRATCH_OVER_LIMIT", Severity.BREAKS_BACKUP, medium,
                        "The scratch volume '" + name + "' is a tmpfs of "
                                + volume.at("emptyDir", "sizeLimit").text().orElse("unlimited size")
                                + ", counted against the container's memory limit of " + limit.get()
                                + (m.pod().get("resources").exists() ? ""
                                        : " (chart " + m.chartVersion().get() + "'s resourcesPreset)")
                                + " together with PostgreSQL's own ~128Mi: a dump larger than what is left gets PostgreSQL "
                                + "OOM-killed during the backup, and the dump keeps holding the memory afterwards.",
                        "Drop medium: Memory (node ephemeral disk), or set " + m.pod().get("resources").path()
                                + ".limits.memory to the scratch size plus headroom.");
            }
        }
    }

    /** The container's memory limit: resources.limits.memory, or the preset's (nano by default). */
    static Optional<String> memoryLimit(Manifest m) {
        Located resources = m.pod().get("resources");
        if (resources.exists())
            return resources.at("limits", "memory").text();
        String preset = m.pod().get("resourcesPreset").text().orElse(m.facts().map(ChartFacts::resourcesPreset).orElse("nano"));
        return m.family().presetMemoryLimit(preset);
    }
}
