package io.pgbackupwizard.model;

import java.util.StringJoiner;

/** The parameter table of docs/parameters.md (Markdown), rendered from {@link Field}; a test keeps the doc equal to it. */
public final class ParameterTable {
    private ParameterTable() {
    }

    public static String markdown() {
        StringJoiner out = new StringJoiner("\n", "", "\n");
        out.add("| parameter | default | what it becomes | rule |");
        out.add("|---|---|---|---|");
        for (Field f : Field.values()) {
            out.add("| `" + f.param() + "` | `" + f.defaultValue() + "` | " + cell(f.help()) + " | " + cell(f.rule()) + " |");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
