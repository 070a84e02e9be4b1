package io.pgbackupwizard.model;

import java.util.Arrays;
import java.util.List;

/** How the form offers a parameter, and the choices it lists (empty for free text). */
public record Control(Kind kind, List<Choice> choices) {

    /**
     * text: free text; select / radio: one of the choices; checkboxes: one or more of the choices (sent as the
     * parameter repeated); suggest: free text with the choices as suggestions.
     */
    public enum Kind {
        TEXT,
        SELECT,
        RADIO,
        CHECKBOXES,
        SUGGEST
    }

    /** value: what is sent; label: what the form shows. */
    public record Choice(String value, String label) {
    }

    public static final Control TEXT = new Control(Kind.TEXT, List.of());

    public static Control select(List<String> values) {
        return new Control(Kind.SELECT, values.stream().map(v -> new Choice(v, v)).toList());
    }

    public static Control select(Enum<?>[] values) {
        return select(Arrays.stream(values).map(Enum::name).toList());
    }

    public static Control suggest(List<String> values) {
        return new Control(Kind.SUGGEST, values.stream().map(v -> new Choice(v, v)).toList());
    }

    /** One of these choices, each shown by its own label (a chart family by its title). */
    public static Control selectLabelled(List<Choice> choices) {
        return new Control(Kind.SELECT, List.copyOf(choices));
    }

    /** Free text with these suggestions, each with its own label (the chart family a version belongs to). */
    public static Control suggestLabelled(List<Choice> choices) {
        return new Control(Kind.SUGGEST, List.copyOf(choices));
    }

    /** true / false as two radio buttons with these labels. */
    public static Control yesNo(String trueLabel, String falseLabel) {
        return new Control(Kind.RADIO, List.of(new Choice("true", trueLabel), new Choice("false", falseLabel)));
    }
}
