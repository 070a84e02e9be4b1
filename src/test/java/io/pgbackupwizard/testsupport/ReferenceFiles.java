package io.pgbackupwizard.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared reference files (upstream schemas and chart values), read at test time so the tests check
 * against upstream rather than against a copy. Found at {@code -Dreference.dir=...} or, by default, at
 * {@code ../shared/reference} next to the project directory. A missing file fails the test: skipping
 * would let a broken checkout pass silently.
 */
public final class ReferenceFiles {
    private ReferenceFiles() {}

    public static Path dir() {
        String configured = System.getProperty("reference.dir");
        Path dir = configured != null && !configured.isBlank()
                ? Path.of(configured).toAbsolutePath()
                : Path.of("").toAbsolutePath().getParent().resolve("shared/reference");
        if (!Files.isDirectory(dir)) {
            fail("reference directory not found: " + dir + " (expected ../shared/reference next to the project, "
                    + "or pass -Dreference.dir=<path to the reference directory>)");
        }
        return dir;
    }

    public static Path file(String relative) {
        Path file = dir().resolve(relative);
        if (!Files.isRegularFile(file)) {
            fail("reference file not found: " + file + " (the tests compare against it; do not remove it)");
        }
        return file;
    }

    public static String read(String relative) {
        return TextFiles.read(file(relative));
    }
}
