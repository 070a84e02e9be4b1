package io.pgbackupwizard.model;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Reading an enum parameter by its text, with a message made from the values themselves (so a new value is named). */
final class EnumValues {
    private EnumValues() {
    }

    /** The value whose text is exactly {@code input}, or an IllegalArgumentException "must be a or b[ note]". */
    static <E extends Enum<E>> E parse(E[] values, Function<E, String> text, String input, String note) {
        for (E v : values) {
            if (text.apply(v).equals(input))
                return v;
        }
        throw new IllegalArgumentException("must be " + choices(values, text) + note);
    }

    static <E extends Enum<E>> E parse(E[] values, Function<E, String> text, String input) {
        return parse(values, text, input, "");
    }

    /** "a or b", or "one of a, b, c" for more than two. */
    static <E> String choices(E[] values, Function<E, String> text) {
        List<String> texts = Arrays.stream(values).map(text).toList();
        return texts.size() == 2 ? texts.get(0) + " or " + texts.get(1) : "one of " + String.join(", ", texts);
    }
}
