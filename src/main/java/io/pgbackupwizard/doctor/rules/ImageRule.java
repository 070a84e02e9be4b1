package io.pgbackupwizard.doctor.rules;

import java.util.List;

import io.pgbackupwizard.chart.ChartFacts;
import io.pgbackupwizard.doctor.Findings;
import io.pgbackupwizard.doctor.Located;
import io.pgbackupwizard.doctor.Manifest;
import io.pgbackupwizard.doctor.Rule;
import io.pgbackupwizard.doctor.Severity;

/**
 * Images in 2026: Bitnami moved versioned tags to docker.io/bitnamilegacy (2025-08-28) and did not copy the Debian-10
 * tags of charts 8.x-10.x at all. From chart 16.3.0 a changed image makes the chart fail unless
 * global.security.allowInsecureImages is true (a plain bitnamilegacy swap only warns from 16.7.25).
 */
public final class ImageRule implements Rule {

    @Override
    public String checks() {
        return "The image still pulls in 2026 (bitnamilegacy, no Debian-10 tags), and a relocated image passes the chart's image check.";
    }

    @Override
    public List<String> findings() {
        return List.of("IMAGE_CHECK_FAILS", "IMAGE_CHECK_WARNS", "IMAGE_NOT_PULLABLE");
    }

    /** Where the 2025 move put the chart's Debian 11/12 tags. */
    private static final String LEGACY = io.pgbackupwizard.chart.ChartFamily.BITNAMI.table().rows().values().stream()
            .map(ChartFacts::freeRepository).filter(java.util.Objects::nonNull).findFirst().orElseThrow();

    @Override
    public void check(Manifest m, Findings out) {
        if (m.facts().isEmpty())
            return;
        ChartFacts chart = m.facts().get();
        boolean checks = chart.imageCheck() != ChartFacts.ImageCheck.NONE;
        Located image = m.values().get("image");
        String registry = image.get("registry").text().or(() -> m.values().at("global", "imageRegistry").text())
                .filter(s -> !s.isBlank()).orElse(chart.imageRegistry());
        String repository = image.get("repository").text().orElse(chart.imageRepository());
        boolean legacy = registry.equals(chart.imageRegistry()) && repository.equals(LEGACY);
        boolean relocated = !(registry.equals(chart.imageRegistry()) && repository.equals(chart.imageRepository()));
        Located at = image.exists() ? image : m.values();
        if (!chart.freeImageExists() && (!relocated || (legacy && !image.get("tag").exists()))) {
            out.add("IMAGE_NOT_PULLABLE", Severity.BREAKS_INSTALL, at,
                    "Chart " + m.chartVersion().get() + " runs a Debian-10 PostgreSQL 11 image (" + registry + "/" + repository
                            + "): Bitnami removed versioned tags from docker.io/bitnami in 2025 and did not copy Debian-10 "
                            + "tags to bitnamilegacy, so the pod never pulls its image (ImagePullBackOff).",
                    "Move to chart " + m.family().versionsWhere(ChartFacts::freeImageExists)
                            + " with image.repository: " + LEGACY + ", or point image.registry/"
                            + "repository/tag at your own mirror of the image.");
        } else if (chart.freeImageExists() && !relocated && !chart.freeRepository().equals(chart.imageRepository())) {
            // the chart's own tag moved (Bitnami's to bitnamilegacy); the official image's stayed where it was
            out.add("IMAGE_NOT_PULLABLE", Severity.BREAKS_INSTALL, at,
                    "Chart " + m.chartVersion().get() + " defaults to a versioned docker.io/bitnami/postgresql tag; since "
                            + "2025-08-28 those tags live only under docker.io/bitnamilegacy, so the pod never pulls its image.",
                    "Set image.registry: docker.io and image.repository: bitnamilegacy/postgresql (or your mirror), in values "
                            + "and in builder" + (checks ? ", with global.security.allowInsecureImages: true" : "") + ".");
        }
        if (relocated && checks && !allowsInsecure(m.values())) {
            boolean onlyWarns = legacy && chart.imageCheck() == ChartFacts.ImageCheck.LEGACY_WARNS;
            out.add(onlyWarns ? "IMAGE_CHECK_WARNS" : "IMAGE_CHECK_FAILS",
                    onlyWarns ? Severity.WARNING : Severity.BREAKS_INSTALL,
                    at, "Chart " + m.chartVersion().get() + " checks its images: with " + registry + "/" + repository
                            + " and no global.security.allowInsecureImages: true, "
                            + (onlyWarns ? "helm prints a warning about substituted containers."
                                    : "helm fails with \"Original containers have been substituted for unrecognized ones\"."),
                    "Set global.security.allowInsecureImages: true in values (and builder).");
        }
        for (Located optional : m.spec().get("optionalValues").items()) {
            Located values = optional.get("values");
            if (values.at("image", "registry").exists() && checks
                    && !allowsInsecure(values) && !allowsInsecure(m.values())) {
                out.add("IMAGE_CHECK_FAILS", Severity.BREAKS_INSTALL, values.at("image", "registry"),
                        "This optionalValues entry relocates the image (e.g. to a local registry), and chart "
                                + m.chartVersion().get()
                                + " fails on any relocated image without global.security.allowInsecureImages: true.",
                        "Add global.security.allowInsecureImages: true to these values.");
            }
        }
    }

    static boolean allowsInsecure(Located values) {
        return values.at("global", "security", "allowInsecureImages").isTrue();
    }
}
