package io.pgbackupwizard.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A table in a doc that the code renders, between the markers {@code <!-- <name>:start ... -->} and
 * {@code <!-- <name>:end -->}: equal to what the code renders, or rewritten with {@code -Ddocs.write=true}.
 */
public final class GeneratedDocTable {
    private GeneratedDocTable() {
    }

    public static void assertCurrent(Path doc, String name, String rendered, String regenerate) {
        String start = "<!-- " + name + ":start";
        String end = "<!-- " + name + ":end -->";
        try {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            int from = text.indexOf(start);
            int to = text.indexOf(end);
            assertTrue(from >= 0 && to > from, doc + " needs the markers " + start + " ... --> and " + end);
            int body = text.indexOf('\n', from) + 1;
            if (Boolean.getBoolean("docs.write")) {
                Files.writeString(doc, text.substring(0, body) + rendered + text.substring(to), StandardCharsets.UTF_8);
                text = Files.readString(doc, StandardCharsets.UTF_8);
            }
            assertEquals(rendered, text.substring(body, text.indexOf(end)),
                    doc + "'s table differs from the code; regenerate it with: " + regenerate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
