package io.pgbackupwizard.web.page;

import java.util.List;

import io.pgbackupwizard.generate.Release;
import io.pgbackupwizard.generate.ReleaseFile;
import io.pgbackupwizard.generate.hooks.Hooks;
import io.pgbackupwizard.generate.text.CloudNativePgTexts;
import io.pgbackupwizard.generate.text.InstallNotes;
import io.pgbackupwizard.generate.text.NextSteps;
import io.pgbackupwizard.generate.text.OwnStatefulSetTexts;
import io.pgbackupwizard.model.InstallPath;
import io.pgbackupwizard.model.WizardInput;

/**
 * What the page shows beside the form, decided here so the template only shows it. {@code release} is null
 * for invalid input; the links are always there so the page's URL can reflect the form even while it has errors.
 */
public final class Preview {

    private final Release release;
    private final String query;
    private final String baseUrl;
    /** The install path's outputs, the main one first; empty for invalid input. */
    private final List<ReleaseFile> outputs;
    /** The one file whose content is sent (the live preview's visible tab), or null for all (the page). */
    private final ReleaseFile shown;
    private List<File> files;

    /** Every file with its content: the page, which must work without JavaScript. */
    public Preview(Release release, String query, String baseUrl) {
        this(release, query, baseUrl, outputsOf(release), null);
    }

    private Preview(Release release, String query, String baseUrl, List<ReleaseFile> outputs, ReleaseFile shown) {
        this.release = release;
        this.query = query;
        this.baseUrl = baseUrl;
        this.outputs = outputs;
        this.shown = shown;
    }

    private static List<ReleaseFile> outputsOf(Release release) {
        return release == null ? List.of() : ReleaseFile.releaseFiles(release.input());
    }

    /**
     * Only {@code file}'s content, the other files' tabs empty until opened (wizard.js then asks for them): what
     * the live preview sends on every edit. A file this release does not have (the visible tab of another install
     * path) means its main file.
     */
    public static Preview showing(Release release, String query, String baseUrl, String file) {
        List<ReleaseFile> outputs = outputsOf(release);
        ReleaseFile shown = outputs.isEmpty() ? null
                : ReleaseFile.byPath(file == null ? "" : file).filter(outputs::contains).orElse(outputs.get(0));
        return new Preview(release, query, baseUrl, outputs, shown);
    }

    public String query() {
        return query;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /**
     * One output as the page offers it. id: the element id of its preview; path: its download's path, which
     * names it to /results; linkId: its download link's id (null when it has none of its own); content: the text
     * shown (null for a zip, and for a file the live preview left for its tab to fetch: then loaded is false).
     */
    public record File(String id, String path, String linkId, String fileName, String description, String href,
            String content, boolean loaded, boolean selected) {
        public String copyLabel() {
            return "Copy " + fileName;
        }

        /** The highlighter's language for the preview. */
        public String language() {
            return fileName.endsWith(".yaml") ? "yaml" : "plaintext";
        }
    }

    public boolean valid() {
        return release != null;
    }

    public WizardInput input() {
        return release.input();
    }

    public Hooks hooks() {
        return release.hooks();
    }

    /** "What each part does", made from the same decisions as the files. */
    public List<io.pgbackupwizard.generate.text.Explanation.Part> explanation() {
        return io.pgbackupwizard.generate.text.Explanation.of(input(), hooks());
    }

    /** What stands between this release and a working install in 2026 (empty when nothing does). */
    public List<String> warnings() {
        return InstallNotes.warnings(input());
    }

    /** How to get the chart archive the release must hold. */
    public String chartSource() {
        return InstallNotes.chartSource(input());
    }

    /** What the vendor's engineer does next (the same steps as the zip's README.txt). */
    public List<NextSteps.Step> nextSteps() {
        return NextSteps.of(input());
    }

    /** An install path as this release's section about it says it: for the chosen chart family. */
    public record PathView(String value, String label, String choice, List<String> notes, String summary) {
        static PathView of(InstallPath p, WizardInput in) {
            if (in.family().ownWorkload())
                return new PathView(p.value(), p.label(), OwnStatefulSetTexts.choice(p), OwnStatefulSetTexts.notes(p),
                        OwnStatefulSetTexts.summary(p, in));
            return in.family().backsItselfUp()
                    ? new PathView(p.value(), p.label(), CloudNativePgTexts.choice(p), CloudNativePgTexts.notes(p),
                            CloudNativePgTexts.summary(p))
                    : new PathView(p.value(), p.label(), p.choice(), p.notes(), p.summary());
        }
    }

    /** The install paths the release serves, in the order their files are listed. */
    public List<PathView> installPaths() {
        return release.installPaths().stream().map(p -> PathView.of(p, input())).toList();
    }

    /** Whether the release has Velero hooks to show (not for a database that backs itself up). */
    public boolean hasHooks() {
        return hooks().present();
    }

    /** The install path's main file (the HelmChart, or the Helm CLI values): the first download button. */
    public File mainFile() {
        return files().get(0);
    }

    public File bundle() {
        return file(ReleaseFile.BUNDLE);
    }

    /**
     * The release's files, each previewed in full; made once per page (the template lists them twice, as tabs
     * and as panels, and most files are not kept by the Release).
     */
    public List<File> files() {
        if (files == null)
            files = outputs.stream().map(this::file).toList();
        return files;
    }

    private File file(ReleaseFile o) {
        String id = o.path().replace('.', '-');
        // The HelmChart's download has its own button at the top; the others' links are found by id.
        String linkId = o == primary() ? null : "download-" + id.substring(0, id.lastIndexOf('-'));
        boolean loaded = shown == null || shown == o;
        // No zip is built just to link to it, and no file whose tab is not open.
        String content = o.isText() && loaded ? release.text(o) : null;
        boolean selected = shown == null ? o == primary() : shown == o;
        return new File(id, o.path(), linkId, release.fileName(o), o.description(), "/" + o.path() + suffix(), content,
                loaded, selected);
    }

    private ReleaseFile primary() {
        return outputs.get(0);
    }

    private String suffix() {
        return query.isEmpty() ? "" : "?" + query;
    }

    /** The page for this form, relative: the address bar and "Copy link" use it. */
    public String pageLink() {
        return "/" + suffix();
    }

    public String shareLink() {
        return baseUrl + "/" + suffix();
    }

    /** Downloads the install path's first file (the HelmChart, or the Helm CLI values). */
    public String curlCommand() {
        ReleaseFile first = primary();
        return "curl --fail-with-body -sSL -o " + release.fileName(first) + " '" + baseUrl + "/" + first.path() + suffix()
                + "'";
    }
}
