package io.pgbackupwizard.web;

import io.pgbackupwizard.generate.HelmChartManifest;
import io.pgbackupwizard.generate.HookCommands;
import io.pgbackupwizard.generate.Release;
import io.pgbackupwizard.generate.ReleaseZip;
import io.pgbackupwizard.model.ChartGeneration;
import io.pgbackupwizard.model.Preset;
import io.pgbackupwizard.model.WizardInput;

/**
 * What the page shows beside the form. {@code release} is null for invalid input; the links
 * are always there so the page's URL can reflect the form even while it has errors.
 */
public record Preview(Release release, String query, String baseUrl) {

    public boolean valid() { return release != null; }
    public WizardInput input() { return release.input(); }
    public ChartGeneration generation() { return release.input().generation(); }
    public String volume() { return HelmChartManifest.VOLUME; }
    public String dumpPath() { return HookCommands.dumpPath(release.input()); }
    public String zipFileName() { return ReleaseZip.fileName(release); }

    /** A named starting point (model/Preset) as a link to this page. */
    public record PresetLink(String name, String title, String description, String href, String warning) {}

    public java.util.List<PresetLink> presets() {
        return Preset.ALL.stream().map(p -> new PresetLink(p.name(), p.title(), p.description(), "/" + p.params().entrySet().stream()
                .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue().get(0), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&", p.values().isEmpty() ? "" : "?", "")), p.warning())).toList();
    }

    private String suffix() { return query.isEmpty() ? "" : "?" + query; }

    /** The page for this form, relative: the address bar and "Copy link" use it. */
    public String pageLink() { return "/" + suffix(); }
    public String shareLink() { return baseUrl + "/" + suffix(); }
    public String download(String file) { return "/" + file + suffix(); }

    public String curlCommand() {
        return "curl -fsSL -o " + release.helmChartFileName() + " '" + baseUrl + "/helmchart.yaml" + suffix() + "'";
    }
}
