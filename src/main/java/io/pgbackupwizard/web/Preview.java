package io.pgbackupwizard.web;

import io.pgbackupwizard.generate.HelmChartManifest;
import io.pgbackupwizard.generate.HookCommands;
import io.pgbackupwizard.generate.Release;
import io.pgbackupwizard.generate.ReleaseZip;
import io.pgbackupwizard.model.ChartGeneration;
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

    private String suffix() { return query.isEmpty() ? "" : "?" + query; }

    /** The page for this form, relative: the address bar and "Copy link" use it. */
    public String pageLink() { return "/" + suffix(); }
    public String shareLink() { return baseUrl + "/" + suffix(); }
    public String download(String file) { return "/" + file + suffix(); }

    /** Downloads the install path's first file (the HelmChart, or the Helm CLI values). */
    public String curlCommand() {
        var first = release.releaseFiles().get(0);
        return "curl -fsSL -o " + first.name() + " '" + baseUrl + "/" + first.download() + suffix() + "'";
    }
}
