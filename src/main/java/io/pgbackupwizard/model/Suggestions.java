package io.pgbackupwizard.model;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nearest valid value for a common mistake, so an error can say what was meant: "5GB" is 5G or 5Gi, "45min" is
 * 45m, "usrname" is username. Only suggestions that are themselves valid are made; the value is never changed.
 */
public final class Suggestions {
    private Suggestions() {
    }

    private static final Pattern SIZE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([kKmMgGtTpPeE])(i?)[bB]?(?:ytes?)?\\s*");
    private static final Pattern DURATION = Pattern.compile(
            "\\s*(\\d+)\\s*(h|hr|hrs|hours?|m|min|mins|minutes?|s|sec|secs|seconds?|ms)\\s*", Pattern.CASE_INSENSITIVE);

    /** "5GB" -> "5G or 5Gi"; "512 mb" -> "512M or 512Mi"; empty when the text is no size written another way. */
    public static Optional<String> size(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches())
            return Optional.empty();
        String n = m.group(1), unit = m.group(2).toUpperCase(Locale.ROOT);
        String decimal = unit.equals("K") ? "k" : unit; // Kubernetes' decimal kilo is a lower-case k
        return Optional.of(n + decimal + " or " + n + unit + "i");
    }

    /** "45min" -> "45m", "2 hours" -> "2h"; empty when the text is no duration written another way. */
    public static Optional<String> duration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches())
            return Optional.empty();
        String u = m.group(2).toLowerCase(Locale.ROOT);
        String unit = u.equals("ms") ? "ms" : u.substring(0, 1);
        String suggestion = m.group(1) + unit;
        return suggestion.equals(text) ? Optional.empty() : Optional.of(suggestion);
    }

    /** The known name closest to a mistyped one (case, or at most two edits away), if any. */
    public static Optional<String> name(String given, List<String> known) {
        if (given.length() > 40)
            return Optional.empty();
        return known.stream().filter(k -> k.equalsIgnoreCase(given) || distance(k.toLowerCase(Locale.ROOT),
                given.toLowerCase(Locale.ROOT)) <= 2)
                .min(Comparator.comparingInt(k -> distance(k.toLowerCase(Locale.ROOT), given.toLowerCase(Locale.ROOT))));
    }

    /** Levenshtein distance (two short names; quadratic in at most 40 x 40). */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++)
            prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1,
                        prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
