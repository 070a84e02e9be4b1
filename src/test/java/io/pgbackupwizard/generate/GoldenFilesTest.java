package io.pgbackupwizard.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.pgbackupwizard.model.InstallPath;
import io.pgbackupwizard.testsupport.TextFiles;

/**
 * Every file of every install path's default release, texts included (README.txt, backup-readme.md,
 * restore-runbook.md), byte for byte against committed golden files under src/test/resources/golden/<path>/: a
 * change to what a user downloads shows up as a diff in review. Regenerated only on purpose, with
 * {@value #UPDATE_COMMAND}.
 */
class GoldenFilesTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final String UPDATE_COMMAND = "./mvnw test -Dtest=GoldenFilesTest -Dgolden.update=true";

    @ParameterizedTest
    @EnumSource(InstallPath.class)
    void everyFileOfTheDefaultReleaseIsItsGoldenFile(InstallPath path) throws Exception {
        Map<String, String> files = Generated.with("installPath", path.value()).release().files();
        Path dir = GOLDEN.resolve(path.value());
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path golden = dir.resolve(f.getKey());
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(dir);
                TextFiles.write(golden, f.getValue());
            }
            assertTrue(Files.exists(golden), () -> golden + " is missing; create it with: " + UPDATE_COMMAND);
            assertEquals(TextFiles.read(golden), f.getValue(), f.getKey() + " of " + path.value() + " differs from " + golden
                    + ". If the change is intended, regenerate with `" + UPDATE_COMMAND + "` and commit the diff");
        }
        try (var listed = Files.list(dir)) {
            assertEquals(files.size(), listed.count(), "no golden file for a file the release no longer has: " + dir);
        }
    }
}
