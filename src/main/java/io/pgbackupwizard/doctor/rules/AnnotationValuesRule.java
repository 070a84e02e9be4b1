package io.pgbackupwizard.doctor.rules;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.pgbackupwizard.doctor.Findings;
import io.pgbackupwizard.doctor.Located;
import io.pgbackupwizard.doctor.Manifest;
import io.pgbackupwizard.doctor.Rule;
import io.pgbackupwizard.doctor.Severity;
import io.pgbackupwizard.model.VeleroAnnotation;

/**
 * Kubernetes annotations are strings. The chart copies podAnnotations with toYaml, so an unquoted number
 * (timeout: 300) or boolean (wait-for-ready: true) reaches the API server as a number or a boolean, and the
 * StatefulSet is rejected. Velero then also reads its timeouts as Go durations.
 */
public final class AnnotationValuesRule implements Rule {

    @Override
    public String checks() {
        return "Annotation values are strings (the API server refuses numbers and booleans) and timeouts are Go durations.";
    }

    @Override
    public List<String> findings() {
        return List.of("ANNOTATION_NOT_STRING", "BAD_DURATION");
    }

    /** Go time.ParseDuration: "0", or an optional sign and one or more number+unit. */
    static final Pattern GO_DURATION = Pattern.compile(
            "[-+]?(0|((\\d+(\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h))+)");

    private static final Map<String, Severity> DURATIONS = Map.of(
            VeleroAnnotation.PRE_BACKUP_TIMEOUT.key(), Severity.BREAKS_BACKUP,
            VeleroAnnotation.POST_BACKUP_TIMEOUT.key(), Severity.WARNING,
            VeleroAnnotation.RESTORE_EXEC_TIMEOUT.key(), Severity.BREAKS_RESTORE,
            VeleroAnnotation.RESTORE_WAIT_TIMEOUT.key(), Severity.WARNING,
            VeleroAnnotation.INIT_TIMEOUT.key(), Severity.WARNING);

    @Override
    public void check(Manifest m, Findings out) {
        for (Map.Entry<String, Located> e : m.annotations().entries().entrySet()) {
            Located value = e.getValue();
            String key = e.getKey();
            boolean string = value.isScalar() && (!value.isPlain() || isPlainString(value));
            if (!string) {
                out.add("ANNOTATION_NOT_STRING", Severity.BREAKS_INSTALL, value,
                        "The value of " + key + " is " + (value.isScalar() ? "an unquoted " + kind(value) : "not a scalar")
                                + ": the chart writes it into the pod template as such, and Kubernetes rejects the "
                                + "StatefulSet (annotations must be strings).",
                        value.isScalar() ? "Quote it: " + key + ": \"" + value.text().orElse("") + "\"." : "Write one string.");
            }
            Severity breaks = DURATIONS.get(key);
            if (breaks != null && value.isScalar()) {
                String text = value.text().orElse("").strip();
                if (!GO_DURATION.matcher(text).matches()) {
                    out.add("BAD_DURATION", breaks, value,
                            key + " is '" + text + "', which is not a Go duration"
                                    + (text.matches("\\d+") ? " (a bare number has no unit)" : "")
                                    + ": Velero logs a warning and uses its default instead"
                                    + (key.contains("wait-timeout") ? " (wait forever)."
                                            : " (30s), so a longer dump or load is cut off."),
                            "Write a Go duration such as 90s, 10m or 1h30m.");
                }
            }
        }
    }

    private static boolean isPlainString(Located value) {
        // A plain scalar that YAML resolves to a string (not a number, boolean or null).
        String t = value.text().orElse("");
        return !(t.matches("[-+]?(\\d[\\d_]*(\\.\\d*)?([eE][-+]?\\d+)?|0x[0-9a-fA-F]+|0o?[0-7]+|\\.inf|\\.nan)")
                || t.matches("(?i)true|false|yes|no|on|off|y|n|null|~") || t.isEmpty());
    }

    private static String kind(Located value) {
        String t = value.text().orElse("");
        if (t.isEmpty() || t.equals("~") || t.equalsIgnoreCase("null"))
            return "null";
        return t.matches("(?i)true|false|yes|no|on|off|y|n") ? "boolean (" + t + ")" : "number (" + t + ")";
    }
}
