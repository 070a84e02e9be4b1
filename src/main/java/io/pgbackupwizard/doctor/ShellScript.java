package io.pgbackupwizard.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a hook's bash script into simple commands, for reading only: quotes are removed, variable references
 * and command substitutions are kept as written, redirections are dropped. Nothing is ever run. Good enough for
 * hook one-liners; not a full shell grammar.
 */
public final class ShellScript {
    private ShellScript() {
    }

    /** One simple command: leading VAR=value assignments, the words (name first), and its redirection targets. */
    public record Command(List<String> assignments, List<String> words, List<String> redirects) {
        public String name() {
            if (words.isEmpty())
                return "";
            String w = words.get(0);
            return w.substring(w.lastIndexOf('/') + 1); // /usr/bin/pg_dump -> pg_dump
        }
    }

    /** A hook is a one-liner of a few commands; the rules look at no more than this many (a bound on their work). */
    public static final int MAX_COMMANDS = 200;

    private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "fi", "do", "done", "while",
            "until", "for", "in", "!", "{", "}", "time");

    public static List<Command> parse(String script) {
        List<List<String>> raw = new ArrayList<>();
        List<List<String>> rawRedirects = new ArrayList<>();
        List<String> current = new ArrayList<>();
        List<String> redirects = new ArrayList<>();
        StringBuilder word = null;
        boolean skipNextWord = false; // the target of a redirection
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r') {
                skipNextWord = flush(word, current, redirects, skipNextWord);
                word = null;
                i++;
            } else if (c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')') {
                skipNextWord = flush(word, current, redirects, skipNextWord);
                word = null;
                raw.add(current);
                rawRedirects.add(redirects);
                current = new ArrayList<>();
                redirects = new ArrayList<>();
                skipNextWord = false;
                i++;
            } else if (c == '<' || c == '>') {
                if (word != null && word.toString().matches("\\d+"))
                    word = null; // 2> : the fd number is not a word
                skipNextWord = flush(word, current, redirects, skipNextWord);
                word = null;
                i++;
                while (i < n && (script.charAt(i) == '>' || script.charAt(i) == '&' || script.charAt(i) == '<'))
                    i++;
                skipNextWord = true;
            } else if (c == '#' && word == null) {
                while (i < n && script.charAt(i) != '\n')
                    i++;
            } else {
                if (word == null)
                    word = new StringBuilder();
                i = readWordPart(script, i, word);
            }
        }
        flush(word, current, redirects, skipNextWord);
        raw.add(current);
        rawRedirects.add(redirects);

        List<Command> commands = new ArrayList<>();
        for (int r = 0; r < raw.size() && commands.size() < MAX_COMMANDS; r++) {
            List<String> words = raw.get(r);
            List<String> targets = List.copyOf(rawRedirects.get(r));
            int k = 0;
            while (k < words.size() && KEYWORDS.contains(words.get(k)))
                k++;
            List<String> assignments = new ArrayList<>();
            if (k < words.size() && (words.get(k).equals("export") || words.get(k).equals("local")
                    || words.get(k).equals("declare") || words.get(k).equals("readonly"))) {
                for (int j = k + 1; j < words.size(); j++)
                    if (isAssignment(words.get(j)))
                        assignments.add(words.get(j));
                commands.add(new Command(assignments, List.of(), targets));
                continue;
            }
            while (k < words.size() && isAssignment(words.get(k)))
                assignments.add(words.get(k++));
            if (!assignments.isEmpty() || k < words.size()) {
                commands.add(new Command(assignments, List.copyOf(words.subList(k, words.size())), targets));
            }
        }
        return commands;
    }

    private static boolean flush(StringBuilder word, List<String> current, List<String> redirects, boolean redirect) {
        if (word == null)
            return redirect;
        (redirect ? redirects : current).add(word.toString());
        return false;
    }

    static boolean isAssignment(String word) {
        int eq = word.indexOf('=');
        return eq > 0 && word.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    /** Reads one quoted or unquoted piece of a word into {@code out}; returns the index after it. */
    private static int readWordPart(String s, int i, StringBuilder out) {
        char c = s.charAt(i);
        if (c == '\'') {
            int end = s.indexOf('\'', i + 1);
            if (end < 0)
                end = s.length();
            out.append(s, i + 1, end);
            return Math.min(end + 1, s.length());
        }
        if (c == '"') {
            int j = i + 1;
            while (j < s.length() && s.charAt(j) != '"') {
                char d = s.charAt(j);
                if (d == '\\' && j + 1 < s.length()) {
                    char e = s.charAt(j + 1);
                    out.append("$`\"\\\n".indexOf(e) >= 0 ? String.valueOf(e) : "\\" + e);
                    j += 2;
                } else if (d == '$' && j + 1 < s.length() && (s.charAt(j + 1) == '(' || s.charAt(j + 1) == '{')) {
                    j = readNested(s, j, out);
                } else {
                    out.append(d);
                    j++;
                }
            }
            return Math.min(j + 1, s.length());
        }
        if (c == '\\') {
            if (i + 1 < s.length() && s.charAt(i + 1) != '\n')
                out.append(s.charAt(i + 1));
            return i + 2;
        }
        if (c == '$' && i + 1 < s.length() && (s.charAt(i + 1) == '(' || s.charAt(i + 1) == '{')) {
            return readNested(s, i, out);
        }
        if (c == '`') {
            int end = s.indexOf('`', i + 1);
            if (end < 0)
                end = s.length() - 1;
            out.append(s, i, end + 1);
            return end + 1;
        }
        out.append(c);
        return i + 1;
    }

    /** Copies $( ... ) or ${ ... } as written, matching nested brackets and skipping quoted text. */
    private static int readNested(String s, int i, StringBuilder out) {
        char open = s.charAt(i + 1);
        char close = open == '(' ? ')' : '}';
        int depth = 0;
        int j = i + 1;
        while (j < s.length()) {
            char d = s.charAt(j);
            if (d == '\\') {
                j += 2;
                continue;
            }
            if (d == '\'' && open == '(') {
                int end = s.indexOf('\'', j + 1);
                j = end < 0 ? s.length() : end + 1;
                continue;
            }
            if (d == '"') {
                int k = j + 1;
                while (k < s.length() && s.charAt(k) != '"')
                    k += s.charAt(k) == '\\' ? 2 : 1;
                j = k + 1;
                continue;
            }
            if (d == open)
                depth++;
            if (d == close && --depth == 0) {
                j++;
                break;
            }
            j++;
        }
        j = Math.min(j, s.length());
        out.append(s, i, j);
        return j;
    }
}
