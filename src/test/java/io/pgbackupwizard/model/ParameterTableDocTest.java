package io.pgbackupwizard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** README's parameter table is the one {@link Field} renders, so the documentation cannot drift from the code. */
class ReadmeParameterTableTest {

    private static final Path README = Path.of("README.md");
    private static final String START = "<!-- parameters:start";
    private static final String END = "<!-- parameters:end -->";
    private static final String REGENERATE =
            "regenerate it with: mvn -o -q test -Dtest=ReadmeParameterTableTest -Dreadme.write=true";

    @Test
    void readmeTableEqualsTheDefinitions() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertTrue(start >= 0 && end > start, "README.md needs the markers " + START + " ... --> and " + END);
        int body = readme.indexOf('\n', start) + 1;
        String expected = ParameterTable.markdown();
        if (Boolean.getBoolean("readme.write")) {
            Files.writeString(README, readme.substring(0, body) + expected + readme.substring(end), StandardCharsets.UTF_8);
            readme = Files.readString(README, StandardCharsets.UTF_8);
        }
        assertEquals(expected, readme.substring(body, readme.indexOf(END)),
                "README.md's parameter table differs from model/Field.java; " + REGENERATE);
    }

    @Test
    void tableHasOneRowPerField() {
        String table = ParameterTable.markdown();
        for (Field f : Field.values()) assertTrue(table.contains("\n| `" + f.param() + "` | `" + f.defaultValue() + "` |"), f.param());
        assertEquals(Field.values().length + 2, table.split("\n").length);
    }
}
