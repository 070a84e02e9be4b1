package io.pgbackupwizard.generate;

import io.pgbackupwizard.model.WizardInput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every file the wizard serves, named once: URL path, download file name, media type, descriptions and
 * how to make it from a {@link Release}. Downloads, OpenAPI, the help text, the page and the zip read this enum;
 * adding an output is one entry here plus its generator.
 */
public enum Output {
    HELMCHART("helmchart.yaml", "<name>-helmchart.yaml", "application/yaml", "the HelmChart",
            "The KOTS HelmChart with the hooks, the scratch volume and the credentials.", true, Release::helmChart),
    CONFIG("config.yaml", "config.yaml", "application/yaml", "the KOTS Config",
            "The KOTS Config that defines every option the HelmChart references.", true, Release::config),
    BACKUP("backup.yaml", "backup.yaml", "application/yaml", "the Velero Backup",
            "KOTS includes the application in snapshots only when the release has a Velero Backup; an empty spec is enough.",
            true, Release::backup),
    APP_VALUES("app-database-values.yaml", "app-database-values.yaml", "application/yaml",
            "your application's database values",
            "Not a manifest: the optionalValues to merge into your own application's HelmChart, so it connects to"
                    + " the embedded or the external PostgreSQL the customer chose.",
            true, Release::appValues),
    README("readme.txt", "README.txt", "text/plain", "what to do next",
            "What to do with these files: the chart archive, merging the Config, the license, testing a backup.",
            true, Release::readme),
    BUNDLE("bundle.zip", "<name>-kots-release.zip", "application/zip", "all the files in one zip",
            "Every file of the release in one zip, ready to unpack into a KOTS release directory.", false,
            ReleaseZip::bytes);

    private final String path;
    private final String fileNamePattern;
    private final String mediaType;
    private final String title;
    private final String description;
    private final boolean inRelease;
    private final Function<Release, ?> content;

    Output(String path, String fileNamePattern, String mediaType, String title, String description,
            boolean inRelease, Function<Release, ?> content) {
        this.path = path;
        this.fileNamePattern = fileNamePattern;
        this.mediaType = mediaType;
        this.title = title;
        this.description = description;
        this.inRelease = inRelease;
        this.content = content;
    }

    /** The URL path without its leading '/'. */
    public String path() { return path; }
    /** The download's file name, with {@code <name>} standing for the HelmChart name. */
    public String fileNamePattern() { return fileNamePattern; }
    public String mediaType() { return mediaType; }
    /** A few words: "the HelmChart". */
    public String title() { return title; }
    /** One or two sentences: what the file is for. */
    public String description() { return description; }
    /** A file of the release itself (listed in the zip and the API's files), rather than a package of them. */
    public boolean inRelease() { return inRelease; }

    public String fileName(WizardInput in) {
        return fileNamePattern.replace("<name>", in.name());
    }

    /** The file's content: a String (UTF-8 text) or a byte[]. */
    public Object content(Release release) {
        return content.apply(release);
    }

    public byte[] bytes(Release release) {
        Object c = content(release);
        return c instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) c;
    }

    public static Optional<Output> byPath(String path) {
        return Arrays.stream(values()).filter(o -> o.path.equals(path)).findFirst();
    }

    /** The files of a release, in the order a release lists them. */
    public static List<Output> releaseFiles() {
        return Arrays.stream(values()).filter(Output::inRelease).toList();
    }
}
