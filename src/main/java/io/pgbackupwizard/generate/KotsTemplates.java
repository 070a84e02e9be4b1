package io.pgbackupwizard.generate;

/** KOTS template functions, in the recommended repl{{ }} form with double-quoted arguments. */
public final class KotsTemplates {
    private KotsTemplates() {}

    /** Item names are restricted to [A-Za-z0-9_-], so they never need escaping inside the quotes. */
    public static String configOption(String item) {
        return "repl{{ ConfigOption \"" + item + "\" }}";
    }

    public static String configOptionEquals(String item, String value) {
        return "repl{{ ConfigOptionEquals \"" + item + "\" \"" + value + "\" }}";
    }
}
