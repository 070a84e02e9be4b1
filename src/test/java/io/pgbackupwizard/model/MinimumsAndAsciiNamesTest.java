package io.pgbackupwizard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Values that parse but cannot be meant: sizes below 1Mi, durations below 1s, names a reader cannot tell apart. */
class MinimumsAndAsciiNamesTest {

    final WizardInputParser parser = new WizardInputParser();

    /** The single error of parsing {param=value}, asserted to be about that parameter. */
    String onlyErrorFor(String param, String value) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put(param, List.of(value));
        WizardInputParser.Result r = parser.parse(params);
        assertEquals(1, r.errors().size(), () -> param + "=" + value + " gave " + r.errors());
        assertEquals(param, r.errors().get(0).field());
        return r.errors().get(0).message();
    }

    boolean accepted(String param, String value) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put(param, List.of(value));
        return parser.parse(params).ok();
    }

    @ParameterizedTest
    @CsvSource({ "scratchSize, 500m", "scratchSize, 1", "scratchSize, 1023Ki", "scratchSize, 1e3",
            "memoryLimit, 999k", "ephemeralStorageLimit, 100" })
    void sizesBelowOneMebibyteAreRefusedNamingTheMinimum(String param, String value) {
        String message = onlyErrorFor(param, value);
        assertTrue(message.contains("at least 1Mi"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = { "1Mi", "1048576", "2Gi", "1.5Gi" })
    void scratchSizesFromOneMebibyteAreAccepted(String value) {
        assertTrue(accepted("scratchSize", value), value);
    }

    @ParameterizedTest
    @CsvSource({ "hookTimeout, 1ns", "hookTimeout, 999ms", "restoreWaitTimeout, 0.5s", "restoreExecTimeout, 10us" })
    void durationsBelowOneSecondAreRefused(String param, String value) {
        String message = onlyErrorFor(param, value);
        assertTrue(message.contains("at least 1s"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = { "1s", "1000ms", "90s", "1h30m" })
    void durationsFromOneSecondAreAccepted(String value) {
        assertTrue(accepted("hookTimeout", value), value);
    }

    /** Cyrillic а, е, о look like Latin a, e, o; zero-width and combining marks are invisible. */
    @ParameterizedTest
    @ValueSource(strings = { "\u0430pp", "us\u0435r", "Müller", "app\u200B", "app\u0301", "\uFF41pp", "\u0661\u0662" })
    void nonAsciiNamesAreRefusedForUserAndDatabase(String name) {
        assertTrue(onlyErrorFor("username", name).contains("ASCII"), name);
        assertTrue(onlyErrorFor("database", name).contains("ASCII"), name);
    }
}
