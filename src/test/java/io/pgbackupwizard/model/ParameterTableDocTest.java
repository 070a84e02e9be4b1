package io.pgbackupwizard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/parameters.md's table is the one {@link Field} renders, so the documentation cannot drift from the code. */
class ParameterTableDocTest {

    private static final Path README = Path.of("docs/parameters.md");
    private static final String START = "<!-- parameters:start";
    private static final String END = "<!-- parameters:end -->";
    private static final String REGENERATE =
            "regenerate it with: mvn -o -q test -Dtest=ParameterTableDocTest -Ddocs.write=true";

    @Test
    void readmeTableEqualsTheDefinitions() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertTrue(start >= 0 && end > start, "docs/parameters.md needs the markers " + START + " ... --> and " + END);
        int body = readme.indexOf('\n', start) + 1;
        String expected = ParameterTable.markdown();
        if (Boolean.getBoolean("docs.write")) {
            Files.writeString(README, readme.substring(0, body) + expected + readme.substring(end), StandardCharsets.UTF_8);
            readme = Files.readString(README, StandardCharsets.UTF_8);
        }
        assertEquals(expected, readme.substring(body, readme.indexOf(END)),
                "docs/parameters.md's table differs from model/Field.java; " + REGENERATE);
    }
}
