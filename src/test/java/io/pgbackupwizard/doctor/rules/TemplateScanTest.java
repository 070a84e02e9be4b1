package io.pgbackupwizard.doctor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The doctor's linear template scan finds exactly what the lazy regular expression it replaced found (that one
 * rescanned the rest of a scalar from every unclosed opening: seconds of CPU for 64 KB of "repl{{ ").
 */
class TemplateScanTest {

    static final Pattern LAZY = Pattern.compile("(?:repl\\{\\{|\\{\\{repl)(.*?)\\}\\}");

    static List<String> byRegex(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = LAZY.matcher(text);
        while (m.find())
            found.add(m.group());
        return found;
    }

    @Provide
    Arbitrary<String> templateSoup() {
        return Arbitraries.of("repl{{", "{{repl", "}}", "}", "{", "\n", "'", "\"", " ", "a", "ConfigOption", "repl")
                .list().ofMaxSize(30).map(parts -> String.join("", parts));
    }

    @Property(tries = 3000)
    void findsWhatTheRegexFound(@ForAll("templateSoup") String text) {
        assertEquals(byRegex(text), TemplateQuotesRule.templates(text), text);
    }

    @Test
    void examples() {
        assertEquals(List.of("repl{{ ConfigOption 'a' }}"), TemplateQuotesRule.templates("x repl{{ ConfigOption 'a' }} y"));
        assertEquals(List.of("{{repl b}}"), TemplateQuotesRule.templates("repl{{ a\n{{repl b}}"));
        assertEquals(List.of(), TemplateQuotesRule.templates("repl{{ ".repeat(10_000)));
    }
}
