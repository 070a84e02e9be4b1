package io.pgbackupwizard.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.pgbackupwizard.testsupport.TextFiles;

/**
 * The default HelmChart, byte for byte, against a committed golden file: any change to the generated output shows up
 * as a diff of that file in review. Regenerated only on purpose, with {@value #UPDATE_COMMAND}.
 */
class DefaultHelmChartGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden/default-helmchart.yaml");
    static final String UPDATE_COMMAND = "./mvnw test -Dtest=DefaultHelmChartGoldenTest -Dgolden.update=true";

    @Test
    void defaultHelmChartIsExactlyTheGoldenFile() throws Exception {
        String actual = Generated.defaults().release().text(ReleaseFile.HELMCHART);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            TextFiles.write(GOLDEN, actual);
            System.out.println("[golden] rewrote " + GOLDEN.toAbsolutePath() + "; review and commit its diff");
        }
        assertTrue(Files.exists(GOLDEN), () -> GOLDEN + " is missing; create it with: " + UPDATE_COMMAND);
        String why = "the default HelmChart differs from " + GOLDEN + ". If the change is intended, regenerate it with `"
                + UPDATE_COMMAND + "` and commit the file, so the reviewer sees the change as a diff";
        assertEquals(TextFiles.read(GOLDEN), actual, why);
        assertTrue(Arrays.equals(Files.readAllBytes(GOLDEN), actual.getBytes(java.nio.charset.StandardCharsets.UTF_8)), why);
    }
}
