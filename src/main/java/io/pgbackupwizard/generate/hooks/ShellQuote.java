package io.pgbackupwizard.generate.hooks;

import java.util.regex.Pattern;

/** POSIX shell quoting: a word that needs none is left bare (readable), anything else is single-quoted. */
public final class ShellQuote {
    private ShellQuote() {
    }

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    public static String quote(String word) {
        if (SAFE.matcher(word).matches())
            return word;
        // Inside single quotes nothing is special; a single quote itself is closed, escaped and reopened.
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
