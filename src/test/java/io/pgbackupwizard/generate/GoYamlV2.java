package io.pgbackupwizard.generate;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * How Go's gopkg.in/yaml.v2 (behind sigs.k8s.io/yaml, which Helm and KOTS use) resolves an unquoted scalar
 * when decoding into an untyped map such as Helm values: YAML 1.1 booleans including y/n, nulls, and
 * numbers in Go's syntax (0x, 0o, 0b, underscores), and timestamps as its parseTimestamp reads them (one-digit
 * months and days too: "2006-1-2", optionally with a time). yaml.v2 hands a timestamp to an untyped map as the
 * original string, but a typed field or another Go reader gets a time: counted as non-string, to be quoted.
 */
final class GoYamlV2 {
    private GoYamlV2() {
    }

    private static final Set<String> BOOL_AND_NULL = Set.of(
            "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
            "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
            "", "~", "null", "Null", "NULL",
            ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF");
    private static final Pattern INT = Pattern.compile("[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    private static final Pattern TIMESTAMP = Pattern.compile(
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(([Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]*)?([ \\t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?");

    static boolean readsAsNonString(String plain) {
        if (BOOL_AND_NULL.contains(plain) || TIMESTAMP.matcher(plain).matches())
            return true;
        String digits = plain.replace("_", "");
        return INT.matcher(digits).matches() || FLOAT.matcher(digits).matches();
    }
}
