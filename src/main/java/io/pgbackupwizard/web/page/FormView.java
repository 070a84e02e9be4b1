package io.pgbackupwizard.web.page;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.model.Field;
import io.pgbackupwizard.model.FieldError;
import io.pgbackupwizard.model.InstallPath;

/**
 * The form as the template draws it: fields in groups, each with its value, help and error; and the
 * error summary, which names each field by its label and links to it when the form has it.
 */
public record FormView(List<Group> groups, List<Group> advancedGroups, List<Problem> problems) {

    public record Option(String value, String label, boolean selected) {
    }

    /** kind: text, select, radio, checkboxes or suggest (free text with a list of suggestions). */
    /**
     * noEffect: why the field does nothing for the chosen install paths (the page switches it off and says so), or
     * null. effectivePaths: where it does something, for wizard.js to follow the checkboxes.
     */
    public record Input(Field field, String kind, String value, String defaultValue, String error, List<Option> options,
            String noEffect) {
        public String effectivePaths() {
            return EFFECTIVE_PATHS.get(field);
        }

        /** Where a chart family switches the field off: data-no-effect-&lt;family&gt; attributes for wizard.js. */
        public List<FamilyReason> familyReasons() {
            return FAMILY_REASONS.get(field);
        }

        public boolean inert() {
            return noEffect != null;
        }

        /** The reason shown where the field does nothing (rendered hidden on the other paths, for wizard.js). */
        public String noEffectReason() {
            return field.noEffectReason().orElse("");
        }

        public String param() {
            return field.param();
        }

        /** The field holds its default: the page marks it so, and offers no reset. */
        public boolean isDefault() {
            return defaultValue.equals(value);
        }

        public String label() {
            return field.label();
        }

        public String help() {
            return field.help();
        }

        public String rule() {
            return field.rule();
        }

        public boolean hasError() {
            return error != null;
        }
    }

    public record Group(String title, List<Input> inputs) {
    }

    /** family: a chartFamily value; reason: why the field does nothing with it. */
    public record FamilyReason(String family, String reason) {
    }

    private static final Map<Field, List<FamilyReason>> FAMILY_REASONS = Arrays.stream(Field.values()).collect(
            Collectors.toMap(f -> f, f -> Arrays.stream(ChartFamily.values())
                    .flatMap(c -> f.noEffectOn(c).map(r -> new FamilyReason(c.param(), r)).stream()).toList(),
                    (a, b) -> a, () -> new java.util.EnumMap<>(Field.class)));

    /** One line of the error summary. onForm: the page has an input with id {@code param} to link to. */
    public record Problem(String param, String label, String message, boolean onForm) {
    }

    /** Each field's install paths as wizard.js reads them (data-paths), made once: the same on every page. */
    private static final Map<Field, String> EFFECTIVE_PATHS = Arrays.stream(Field.values()).collect(
            Collectors.toMap(f -> f, f -> InstallPath.text(f.effectivePaths()), (a, b) -> a,
                    () -> new java.util.EnumMap<>(Field.class)));

    /** The form's groups, in order; each field goes to the basic or the advanced part as its definition says. */
    private static final Map<String, List<Field>> GROUPS = layout();

    private static Map<String, List<Field>> layout() {
        Map<String, List<Field>> g = new java.util.LinkedHashMap<>();
        g.put("Install path", List.of(Field.INSTALL_PATH));
        g.put("Chart", List.of(Field.NAME, Field.CHART_FAMILY, Field.CHART_VERSION, Field.API_VERSION));
        g.put("PostgreSQL image", List.of(Field.IMAGE_REGISTRY, Field.IMAGE_REPOSITORY, Field.IMAGE_TAG));
        g.put("Embedded or external PostgreSQL", List.of(Field.ALLOW_EXTERNAL, Field.TYPE_OPTION, Field.EMBEDDED_VALUE,
                Field.EXTERNAL_VALUE));
        g.put("Database", List.of(Field.USERNAME, Field.DATABASE, Field.PASSWORD_OPTION));
        g.put("Scratch volume", List.of(Field.SCRATCH_SIZE, Field.SCRATCH_MEDIUM, Field.MOUNT_PATH));
        g.put("Container limits (chart 15.0.0 and later)", List.of(Field.CPU_LIMIT, Field.MEMORY_LIMIT,
                Field.EPHEMERAL_STORAGE_LIMIT));
        g.put("Backup hook", List.of(Field.HOOK_TIMEOUT, Field.ON_ERROR, Field.DUMP_FORMAT, Field.HOOK_USER));
        g.put("Restore hook", List.of(Field.RESTORE_HOOK, Field.RESTORE_WAIT_TIMEOUT, Field.RESTORE_EXEC_TIMEOUT,
                Field.RESTORE_ON_ERROR));
        // A parameter added to Field but not placed above still reaches the form.
        List<Field> placed = g.values().stream().flatMap(List::stream).toList();
        List<Field> rest = java.util.Arrays.stream(Field.values()).filter(f -> !placed.contains(f)).toList();
        if (!rest.isEmpty())
            g.put("More", rest);
        return g;
    }

    /** @param defaults each field's default (the service may override one, so it is asked, not read from Field) */
    public static FormView of(Map<String, String> values, List<FieldError> errors, Function<Field, String> defaults) {
        Set<InstallPath> paths = chosenPaths(values.get(Field.INSTALL_PATH.param()));
        ChartFamily family = chosenFamily(values.get(Field.CHART_FAMILY.param()));
        List<Group> basic = new ArrayList<>();
        List<Group> advanced = new ArrayList<>();
        GROUPS.forEach((title, fields) -> {
            List<Input> b = new ArrayList<>();
            List<Input> a = new ArrayList<>();
            for (Field f : fields)
                (f.advanced() ? a : b).add(input(f, values.get(f.param()), defaults.apply(f), errors, paths, family));
            if (!b.isEmpty())
                basic.add(new Group(title, b));
            if (!a.isEmpty())
                advanced.add(new Group(title, a));
        });
        return new FormView(List.copyOf(basic), List.copyOf(advanced), errors.stream().map(FormView::problem).toList());
    }

    /** The advanced part starts open when something in it is not its default or is wrong: nothing set is hidden. */
    public boolean advancedOpen() {
        return advancedGroups.stream().flatMap(g -> g.inputs().stream()).anyMatch(i -> !i.isDefault() || i.hasError());
    }

    private static Problem problem(FieldError e) {
        return Field.byParam(e.field())
                .map(f -> new Problem(f.param(), f.label(), e.message(), true))
                .orElseGet(() -> new Problem(e.field(), e.field(), e.message(), false));
    }

    /** The install paths the form holds; every path while that value is wrong (nothing is switched off then). */
    private static Set<InstallPath> chosenPaths(String value) {
        try {
            return InstallPath.parseAll(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            return EnumSet.allOf(InstallPath.class);
        }
    }

    /** The chart family the form holds; Bitnami's while that value is wrong. */
    private static ChartFamily chosenFamily(String value) {
        try {
            return ChartFamily.parse(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            return ChartFamily.BITNAMI;
        }
    }

    private static Input input(Field f, String value, String defaultValue, List<FieldError> errors, Set<InstallPath> paths,
            ChartFamily family) {
        String error = errors.stream().filter(e -> e.field().equals(f.param())).map(FieldError::message)
                .reduce((a, b) -> a + "; " + b).orElse(null);
        String kind = f.control().kind().name().toLowerCase(Locale.ROOT);
        // Checkboxes: every ticked value of a comma-separated list ("kots,helm").
        Set<String> ticked = kind.equals("checkboxes")
                ? Arrays.stream(value.split(InstallPath.SEPARATOR)).map(String::strip).collect(Collectors.toSet())
                : Set.of(value);
        List<Option> options = f.control().choices().stream()
                .map(c -> new Option(c.value(), c.label(), ticked.contains(c.value()))).collect(Collectors.toList());
        if (kind.equals("checkboxes")) {
            // A value that is no choice stays in view, ticked, beside its error (untick it to drop it).
            ticked.stream().filter(t -> !t.isEmpty() && options.stream().noneMatch(o -> o.value().equals(t))).sorted()
                    .forEach(t -> options.add(new Option(t, t + " (not a valid choice)", true)));
        }
        if (kind.equals("select") && options.stream().noneMatch(Option::selected)) {
            // Keep what a hand-made link asked for in view beside its error, instead of silently showing the first choice.
            options.add(0, new Option(value, value + " (not a valid choice)", true));
        }
        return new Input(f, kind, value, defaultValue, error, List.copyOf(options),
                f.noEffect(paths).or(() -> f.noEffectOn(family)).orElse(null));
    }
}
