package io.pgbackupwizard.model;

import io.pgbackupwizard.chart.ChartFacts;

/**
 * Where the PostgreSQL container image comes from, resolved for one chart version. Empty fields take a
 * default that pulls in 2026: on 2025-08-28 Bitnami moved its versioned tags from docker.io/bitnami to
 * docker.io/bitnamilegacy, copying only the Debian 11/12 ones, which chart 11.0.0 and later name. Charts
 * 8.x-10.x name Debian 10 tags that were not copied: no free image exists for them, so their default stays
 * the chart's own (which no longer pulls) and {@link #freeImageExists()} says so.
 *
 * @param tag null: the chart's own tag (the tags were moved unchanged)
 */
public record ImageSource(String registry, String repository, String tag, ChartFacts chart) {

    /** @param registry, repository, tag: as typed, or null/empty for the default */
    public static ImageSource of(ChartFacts chart, String registry, String repository, String tag) {
        return new ImageSource(
                blank(registry) ? chart.imageRegistry() : registry,
                blank(repository) ? defaultRepository(chart) : repository,
                blank(tag) ? null : tag,
                chart);
    }

    /** Where the chart's own tag still pulls for free, else the repository the chart names. */
    public static String defaultRepository(ChartFacts chart) {
        return chart.freeImageExists() ? chart.freeRepository() : chart.imageRepository();
    }

    /** Whether docker.io still serves, for free, the image tag this chart version names. */
    public boolean freeImageExists() {
        return chart.freeImageExists();
    }

    /** The chart's own repository no longer serves its tag, which moved to the free one (Bitnami to bitnamilegacy). */
    public boolean chartsOwnTagMoved() {
        return chart.freeImageExists() && !chart.freeRepository().equals(chart.imageRepository());
    }

    /** Whether the chart fails on an image it does not know (16.3.0 on). */
    public boolean chartChecksImages() {
        return chart.imageCheck() != ChartFacts.ImageCheck.NONE;
    }

    /** The image differs from the chart's own registry or repository (a new tag alone is only a warning). */
    public boolean relocated() {
        return !registry.equals(chart.imageRegistry()) || !repository.equals(chart.imageRepository());
    }

    /**
     * global.security.allowInsecureImages must be true: the image is relocated on a chart that checks.
     * A docker.io/bitnamilegacy swap only warns from 16.7.25 (common 2.31.4) but fails 16.3.0-16.7.24, so
     * the rule does not try to tell them apart: true is harmless where only a warning would be printed.
     */
    public boolean needsAllowInsecureImages() {
        return relocated() && chartChecksImages();
    }

    /** The last path segment: what KOTS keeps when it pushes the image to a local registry (name:tag). */
    public String imageName() {
        return repository.substring(repository.lastIndexOf('/') + 1);
    }

    /** The owner part of the repository ("bitnamilegacy" in bitnamilegacy/postgresql), or "" when it has none. */
    public String owner() {
        int slash = repository.lastIndexOf('/');
        return slash < 0 ? "" : repository.substring(0, slash);
    }

    /** For people: registry/repository[:tag]. */
    public String reference() {
        return registry + "/" + repository + (tag == null ? "" : ":" + tag);
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }
}
