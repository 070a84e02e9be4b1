package io.pgbackupwizard.hostile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgbackupwizard.model.Field;

/**
 * Values an attacker, a careless paste or a confused user could send for each free-text field: shell and YAML
 * metacharacters, template markers, look-alike and invisible Unicode, empty and oversized values, and each field's
 * default with a payload attached. Shell payloads all try to create a file named {@value #CANARY}.
 */
final class HostileCorpus {
    private HostileCorpus() {
    }

    static final String CANARY = "canary";

    /** One field and one value; printed with invisible characters escaped so test names stay readable. */
    record Hostile(Field field, String value) {
        @Override
        public String toString() {
            return field.param() + " = " + printable(value);
        }
    }

    static final List<Field> FREE_TEXT = List.of(Field.NAME, Field.CHART_VERSION, Field.TYPE_OPTION,
            Field.EMBEDDED_VALUE, Field.EXTERNAL_VALUE, Field.USERNAME, Field.DATABASE, Field.PASSWORD_OPTION,
            Field.SCRATCH_SIZE, Field.MOUNT_PATH, Field.HOOK_TIMEOUT, Field.RESTORE_WAIT_TIMEOUT,
            Field.RESTORE_EXEC_TIMEOUT,
            // Choice fields, given the corpus too (they select shell text)
            Field.DUMP_FORMAT, Field.HOOK_USER, Field.RESTORE_ON_ERROR,
            Field.IMAGE_REGISTRY, Field.IMAGE_REPOSITORY, Field.IMAGE_TAG, Field.CPU_LIMIT, Field.MEMORY_LIMIT,
            Field.EPHEMERAL_STORAGE_LIMIT);

    static final List<String> SHELL_PAYLOADS = List.of("$(touch canary)", "`touch canary`", ";touch canary",
            "|touch canary", "&&touch canary", "\ntouch canary", "\r\ntouch canary", " #", "'", "\"", "\\",
            "${IFS}touch${IFS}canary", "$HOME", "\u200B");

    private static final List<String> GENERIC = List.of(
            "", " ", "a b", "it's", "say \"hi\"", "x\ty", "x\u0000y",
            "аdmin", "／scratch", "ａｂｃ", "a\u200Bb", "\u200Dx", "\uFEFFx", "a\u202Eb", "a\u00A0b",
            "a".repeat(300), "ü".repeat(300), "9".repeat(300), "/a".repeat(150),
            ": ", "a: b", "{", "{a: 1}", "[x]", "*ref", "&anchor", "!tag", "!!binary", "---", "...", "- item", "? key",
            "|", ">", "%YAML 1.2", "@x", "~", "null", "Null", "yes", "no", "y", "n", "on", "off", "true", "False",
            "1e3", "0x1F", "0o17", "1_000", ".inf", "NaN", "123", "-1", "0",
            "{{ .Values.x }}", "{{", "}}", "repl{{ ConfigOption \"x\" }}", "repl{{ ConfigOption `x` }}",
            "{{repl ConfigOption `x` }}", "repl{{ RandomString 32 }}", "x{{repl y}}");

    private static final List<String> POSTGRES_NAMES = List.of("аdmin", "Ｄａｔｅｎ", "u\u0308ser", "日本語", "١٢٣",
            "Müller.Lüdenscheid-01", "x".repeat(63), "x".repeat(64), "ü".repeat(31) + "x", "ü".repeat(32),
            "-rf", "--help", "_x", ".x", "x.", "x-", "a..b", "pg_x", "template1", "public", "a=b", "host=evil");

    private static final Map<Field, List<String>> SPECIFIC = Map.of(
            Field.NAME, List.of("-a", "a-", "Postgresql", "a".repeat(53), "a".repeat(54), "a.b"),
            Field.CHART_VERSION, List.of("8.7.4-rc.1+build.5", "99999.0.0", "7.9.9", "08.7.4", "8.7", "v8.7.4",
                    "16.7.27-r1$(touch canary)"),
            Field.USERNAME, POSTGRES_NAMES,
            Field.DATABASE, POSTGRES_NAMES,
            Field.PASSWORD_OPTION, List.of("a-b_c", "A", "x".repeat(63), "x".repeat(64), "_x"),
            Field.SCRATCH_SIZE, List.of("1e3", "+1Gi", ".5Gi", "1.", "1GiB", "-1Gi", "0Gi", "1Gi "),
            Field.MOUNT_PATH, List.of("/scratch/..", "/scratch/", "//scratch", "/-rf", "/--help", "/a..b", "/...",
                    "/tmp", "/tmp/pgwiz-hostile-missing", "/etc/passwd", "/opt/bitnami/x", "/scratch dir", "scratch"),
            Field.HOOK_TIMEOUT, List.of("1µs", "1μs", "1.5h", "1h30m", "0s", "-1s", "300", "1d", "9999999h"));

    /** Near misses of the issue-11 choice fields (case, spaces, other pg_dump formats, other users). */
    private static final Map<Field, List<String>> CHOICES = Map.of(
            Field.DUMP_FORMAT, List.of("Custom", "plain ", "tar", "directory", "custom;plain", "-Fd"),
            Field.HOOK_USER, List.of("Postgres", "root", "postgres\n", "app -U x", "username"),
            Field.RESTORE_ON_ERROR, List.of("fail", "Fail ", "Abort", "continue"));

    /** Every (field, value) pair, without duplicates. */
    static List<Hostile> entries() {
        List<Hostile> all = new ArrayList<>();
        for (Field f : FREE_TEXT) {
            Set<String> values = new LinkedHashSet<>(GENERIC);
            values.add(f.defaultValue());
            for (String payload : SHELL_PAYLOADS) {
                values.add(f.defaultValue() + payload);
                values.add(payload + f.defaultValue());
            }
            values.add(lookAlike(f.defaultValue()));
            values.add(fullWidth(f.defaultValue()));
            values.addAll(SPECIFIC.getOrDefault(f, List.of()));
            values.addAll(CHOICES.getOrDefault(f, List.of()));
            if (f == Field.RESTORE_WAIT_TIMEOUT || f == Field.RESTORE_EXEC_TIMEOUT) {
                values.addAll(SPECIFIC.get(Field.HOOK_TIMEOUT));
            }
            values.forEach(v -> all.add(new Hostile(f, v)));
        }
        return all;
    }

    /** Swaps Latin letters for identical-looking Cyrillic ones (а е о р с). */
    static String lookAlike(String s) {
        return s.replace('a', 'а').replace('e', 'е').replace('o', 'о').replace('p', 'р').replace('c', 'с');
    }

    /** ASCII letters, digits and '/' as their fullwidth forms (U+FF01..U+FF5E). */
    static String fullWidth(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray())
            out.append(c > 0x20 && c < 0x7F ? (char) (c - 0x21 + 0xFF01) : c);
        return out.toString();
    }

    /** ASCII as is, everything else as \\uXXXX (look-alikes must not look alike in a test report), cut at 60. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < s.length() && out.length() < 60; i++) {
            char c = s.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return i < s.length() ? out + "...(" + s.length() + " chars)" : out.toString();
    }
}
