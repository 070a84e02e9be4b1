package io.pgbackupwizard.web;

import io.pgbackupwizard.model.Field;
import io.pgbackupwizard.model.FieldError;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The form as the template draws it: fields in groups, each with its value, help and error; and the
 * error summary, which names each field by its label and links to it when the form has it.
 */
public record FormView(List<Group> groups, List<Problem> problems) {

    public record Option(String value, String label, boolean selected) {}

    /** kind: text, select, radio or suggest (free text with a list of suggestions). */
    public record Input(Field field, String kind, String value, String error, List<Option> options) {
        public String param() { return field.param(); }
        public String label() { return field.label(); }
        public String help() { return field.help(); }
        public String rule() { return field.rule(); }
        public boolean hasError() { return error != null; }
    }

    public record Group(String title, List<Input> inputs) {}

    /** One line of the error summary. onForm: the page has an input with id {@code param} to link to. */
    public record Problem(String param, String label, String message, boolean onForm) {}

    public static FormView of(Map<String, String> values, List<FieldError> errors) {
        return new FormView(List.of(
                group("Install path", values, errors, Field.INSTALL_PATH),
                group("Chart", values, errors, Field.NAME, Field.CHART_VERSION, Field.API_VERSION),
                group("PostgreSQL image", values, errors, Field.IMAGE_REGISTRY, Field.IMAGE_REPOSITORY, Field.IMAGE_TAG),
                group("Embedded or external PostgreSQL", values, errors, Field.ALLOW_EXTERNAL, Field.TYPE_OPTION,
                        Field.EMBEDDED_VALUE, Field.EXTERNAL_VALUE),
                group("Database", values, errors, Field.USERNAME, Field.DATABASE, Field.PASSWORD_OPTION),
                group("Scratch volume", values, errors, Field.SCRATCH_SIZE, Field.SCRATCH_MEDIUM, Field.MOUNT_PATH),
                group("Container limits (chart 15.0.0 and later)", values, errors, Field.CPU_LIMIT, Field.MEMORY_LIMIT,
                        Field.EPHEMERAL_STORAGE_LIMIT),
                group("Backup hook", values, errors, Field.HOOK_TIMEOUT, Field.ON_ERROR, Field.DUMP_FORMAT, Field.HOOK_USER),
                group("Restore hook", values, errors, Field.RESTORE_HOOK, Field.RESTORE_WAIT_TIMEOUT,
                        Field.RESTORE_EXEC_TIMEOUT, Field.RESTORE_ON_ERROR)),
                errors.stream().map(FormView::problem).toList());
    }

    private static Problem problem(FieldError e) {
        return Field.byParam(e.field())
                .map(f -> new Problem(f.param(), f.label(), e.message(), true))
                .orElseGet(() -> new Problem(e.field(), e.field(), e.message(), false));
    }

    private static Group group(String title, Map<String, String> values, List<FieldError> errors, Field... fields) {
        return new Group(title, Arrays.stream(fields).map(f -> input(f, values.get(f.param()), errors)).toList());
    }

    private static Input input(Field f, String value, List<FieldError> errors) {
        String error = errors.stream().filter(e -> e.field().equals(f.param())).map(FieldError::message)
                .reduce((a, b) -> a + "; " + b).orElse(null);
        String kind = f.control().kind().name().toLowerCase(Locale.ROOT);
        List<Option> options = f.control().choices().stream()
                .map(c -> new Option(c.value(), c.label(), c.value().equals(value))).collect(Collectors.toList());
        if (kind.equals("select") && options.stream().noneMatch(Option::selected)) {
            // Keep what a hand-made link asked for in view beside its error, instead of silently showing the first choice.
            options.add(0, new Option(value, value + " (not a valid choice)", true));
        }
        return new Input(f, kind, value, error, List.copyOf(options));
    }
}
