package io.pgbackupwizard.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Wizard parameters as the parser takes them, written the short way in tests. */
public final class TestParams {
    private TestParams() {
    }

    /** @param namesAndValues parameter names and values, alternating; each name once, in this order */
    public static Map<String, List<String>> of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0)
            throw new IllegalArgumentException("names and values must alternate: " + List.of(namesAndValues));
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (params.put(namesAndValues[i], List.of(namesAndValues[i + 1])) != null)
                throw new IllegalArgumentException("parameter given twice: " + namesAndValues[i]);
        }
        return params;
    }
}
