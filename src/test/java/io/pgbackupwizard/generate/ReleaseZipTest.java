package io.pgbackupwizard.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.pgbackupwizard.testsupport.ManifestView;

/**
 * The bundle holds exactly the release files (three manifests, the app's values, README.txt), byte for byte what the
 * single-file downloads give.
 */
class ReleaseZipTest {

    /** Entry name -> content, in zip order; fails on directories and duplicate names. */
    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                assertFalse(e.isDirectory(), e.getName());
                assertFalse(entries.containsKey(e.getName()), () -> "duplicate entry");
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @ParameterizedTest(name = "name={0}, chart {1}, {2}")
    @CsvSource({
            "postgresql, 8.7.4,   kots.io/v1beta1, true",
            "orders-db,  17.1.0,  kots.io/v1beta2, false" })
    void holdsExactlyTheThreeFilesAsServedOneByOne(String name, String chartVersion, String api, String external)
            throws IOException {
        Generated g = Generated.with("name", name, "chartVersion", chartVersion, "apiVersion", api, "allowExternal", external,
                "installPath", "kots");
        Map<String, byte[]> entries = unzip(ReleaseZip.bytes(g.release()));

        assertEquals(List.of(name + "-helmchart.yaml", "config.yaml", "backup.yaml", "app-database-values.yaml", "README.txt"),
                List.copyOf(entries.keySet()));
        assertArrayEquals(g.release().text(ReleaseFile.APP_VALUES).getBytes(StandardCharsets.UTF_8),
                entries.get("app-database-values.yaml"));
        assertArrayEquals(g.release().text(ReleaseFile.README).getBytes(StandardCharsets.UTF_8), entries.get("README.txt"));
        assertArrayEquals(g.release().text(ReleaseFile.HELMCHART).getBytes(StandardCharsets.UTF_8),
                entries.get(name + "-helmchart.yaml"));
        assertArrayEquals(g.release().text(ReleaseFile.CONFIG).getBytes(StandardCharsets.UTF_8), entries.get("config.yaml"));
        assertArrayEquals(g.release().text(ReleaseFile.BACKUP).getBytes(StandardCharsets.UTF_8), entries.get("backup.yaml"));

        // ... and each is the manifest a fresh generation for the same input writes on its own.
        Release again = Release.of(g.input());
        assertEquals(again.text(ReleaseFile.HELMCHART),
                new String(entries.get(name + "-helmchart.yaml"), StandardCharsets.UTF_8));
        assertEquals("HelmChart", ManifestView.load(again.text(ReleaseFile.HELMCHART)).get("kind"));
        assertEquals("Config", ManifestView.load(new String(entries.get("config.yaml"), StandardCharsets.UTF_8)).get("kind"));
        assertEquals("Backup", ManifestView.load(new String(entries.get("backup.yaml"), StandardCharsets.UTF_8)).get("kind"));
        assertEquals(name + "-kots-release.zip", g.release().fileName(ReleaseFile.BUNDLE));
    }
}
