package io.pgbackupwizard.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pgbackupwizard.testsupport.TextFiles;

/** The doctor's diff against GNU diff -u on corpus pairs (hunks compared; headers carry dates in diff's output). */
class UnifiedDiffTest {

    static final Path CORPUS = Path.of("src/test/resources/doctor");

    @Test
    void sameHunksAsGnuDiff(@TempDir Path tmp) throws Exception {
        for (List<String> pair : List.of(List.of("seed-2020-as-scraped.yaml", "clean-17.1.0-v1beta2.yaml"),
                List.of("reference-example-2020.yaml", "replicated-current-2024.yaml"),
                List.of("clean-17.1.0-v1beta2.yaml", "one-memory-scratch.yaml"),
                List.of("one-v1beta2-without-labels.yaml", "clean-17.1.0-v1beta1.yaml"))) {
            String a = TextFiles.read(CORPUS.resolve(pair.get(0)));
            String b = TextFiles.read(CORPUS.resolve(pair.get(1)));
            String ours = UnifiedDiff.of("a", a, "b", b);
            assertEquals(hunks(gnuDiff(tmp, a, b)), hunks(ours), pair.toString());
        }
        assertEquals("", UnifiedDiff.of("a", "x\ny\n", "b", "x\ny\n"));
    }

    /** Hunk bodies only: LCS ties may be broken differently, so compare the lines each side removes and adds. */
    private static List<String> hunks(String diff) {
        List<String> lines = diff.lines().filter(l -> !l.startsWith("---") && !l.startsWith("+++") && !l.startsWith("@@")
                && !l.startsWith(" ")).sorted().toList();
        return lines;
    }

    private static String gnuDiff(Path tmp, String a, String b) throws IOException, InterruptedException {
        Path fa = TextFiles.write(tmp.resolve("a"), a);
        Path fb = TextFiles.write(tmp.resolve("b"), b);
        Process p = new ProcessBuilder("diff", "-u", fa.toString(), fb.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
