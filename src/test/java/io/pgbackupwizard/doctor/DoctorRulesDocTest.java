package io.pgbackupwizard.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/doctor-rules.md's table is the one the registered rules render, so the documentation cannot drift. */
class DoctorRulesDocTest {

    private static final Path DOC = Path.of("docs/doctor-rules.md");
    private static final String START = "<!-- rules:start";
    private static final String END = "<!-- rules:end -->";

    @Test
    void docTableEqualsTheRegisteredRules() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        assertTrue(start >= 0 && end > start, "docs/doctor-rules.md needs the markers " + START + " ... --> and " + END);
        int body = doc.indexOf('\n', start) + 1;
        String expected = RulesTable.markdown();
        if (Boolean.getBoolean("docs.write")) {
            Files.writeString(DOC, doc.substring(0, body) + expected + doc.substring(end), StandardCharsets.UTF_8);
            doc = Files.readString(DOC, StandardCharsets.UTF_8);
        }
        assertEquals(expected, doc.substring(body, doc.indexOf(END)),
                "docs/doctor-rules.md's table differs from the rules; regenerate it with: "
                        + "mvn -o -q test -Dtest=DoctorRulesDocTest -Ddocs.write=true");
        assertEquals(Doctor.RULES.size() + 2, expected.split("\n").length, "one row per rule");
    }
}
