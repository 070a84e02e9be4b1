package io.pgbackupwizard.generate;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.pgbackupwizard.generate.hooks.Hooks;
import io.pgbackupwizard.model.InstallPath;
import io.pgbackupwizard.model.WizardInput;

/**
 * What one input generates: the input, its hooks (which several files carry) and each {@link ReleaseFile} built
 * when first asked for: a download needs one, the page all of them. One instance serves one request; nothing here
 * outlives it.
 */
public final class Release {

    private final WizardInput input;
    private final Hooks hooks;
    private final Map<ReleaseFile, String> texts = new EnumMap<>(ReleaseFile.class);

    private Release(WizardInput input, Hooks hooks) {
        this.input = input;
        this.hooks = hooks;
    }

    public static Release of(WizardInput in) {
        return new Release(in, Hooks.of(in));
    }

    public WizardInput input() {
        return input;
    }

    public Hooks hooks() {
        return hooks;
    }

    public Set<InstallPath> installPaths() {
        return input.installPaths();
    }

    /** A text file's content (the HelmChart and the Config are asked for again by the page; built once). */
    public String text(ReleaseFile file) {
        return texts.computeIfAbsent(file, f -> f.build(this));
    }

    /** A file's bytes as downloaded: UTF-8 text, or the zip of the release's files. */
    public byte[] bytes(ReleaseFile file) {
        return file.isText() ? text(file).getBytes(StandardCharsets.UTF_8) : ReleaseZip.bytes(this);
    }

    public String fileName(ReleaseFile file) {
        return file.fileName(input);
    }

    /** File name -> content, in the order a release lists them: the files of the install path. */
    public Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        for (ReleaseFile f : ReleaseFile.releaseFiles(input))
            files.put(f.fileName(input), text(f));
        return files;
    }
}
