package io.pgbackupwizard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A mistake gets the nearest valid value in its message, and every suggestion is itself accepted. */
class SuggestionsTest {

    static String onlyMessage(String param, String value) {
        WizardInputParser.Result r = new WizardInputParser().parse(Map.of(param, List.of(value)));
        assertEquals(1, r.errors().size(), r.errors().toString());
        return r.errors().get(0).message();
    }

    static void accepted(String param, String value) {
        WizardInputParser.Result r = new WizardInputParser().parse(Map.of(param, List.of(value)));
        assertTrue(r.ok(), param + "=" + value + " is accepted: " + r.errors());
    }

    @ParameterizedTest
    @CsvSource({ "5GB, 5G, 5Gi", "512mb, 512M, 512Mi", "2 GiB, 2G, 2Gi", "1.5TB, 1.5T, 1.5Ti", "8000kb, 8000k, 8000Ki" })
    void aSizeWithBytesSaysWhichQuantityWasMeant(String typed, String decimal, String binary) {
        String message = onlyMessage("scratchSize", typed);
        assertTrue(message.endsWith("did you mean " + decimal + " or " + binary + "?"), message);
        accepted("scratchSize", binary);
        accepted("scratchSize", decimal);
    }

    @ParameterizedTest
    @CsvSource({ "45min, 45m", "2 hours, 2h", "90sec, 90s", "3 Minutes, 3m", "1hr, 1h" })
    void aDurationInWordsSaysWhichDurationWasMeant(String typed, String meant) {
        String message = onlyMessage("hookTimeout", typed);
        assertTrue(message.endsWith("did you mean " + meant + "?"), message);
        assertTrue(!message.contains("bare number"), "not called a bare number: " + message);
        accepted("hookTimeout", meant);
    }

    /** A bare number is no duration (Velero would use 30s): the message offers it in seconds and in minutes. */
    @ParameterizedTest
    @CsvSource({ "45, 45s, 45m", "300, 300s, 300m" })
    void aBareNumberSaysWhichDurationsItCouldBe(String typed, String seconds, String minutes) {
        String message = onlyMessage("hookTimeout", typed);
        assertTrue(message.contains("bare number") && message.endsWith("did you mean " + seconds + " or " + minutes + "?"),
                message);
        accepted("hookTimeout", seconds);
        accepted("hookTimeout", minutes);
    }

    @ParameterizedTest
    @CsvSource({ "usrname, username", "chartversion, chartVersion", "databse, database", "hooktimeout, hookTimeout" })
    void aMistypedParameterSaysWhichWasMeant(String typed, String meant) {
        assertTrue(onlyMessage(typed, "x").startsWith("unknown parameter; did you mean " + meant + "?"), typed);
    }

    @ParameterizedTest
    @CsvSource({ "scratchSize, lots", "hookTimeout, soon", "zzzzzz, x" })
    void noSuggestionWhereNoneIsNear(String param, String value) {
        assertTrue(!onlyMessage(param, value).contains("did you mean"), param + "=" + value);
    }
}
