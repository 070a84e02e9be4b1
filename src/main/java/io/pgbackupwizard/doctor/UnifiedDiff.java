package io.pgbackupwizard.doctor;

import java.util.ArrayList;
import java.util.List;

/** A line diff in unified format (as diff -u prints it), from a longest common subsequence. No dependency needed. */
public final class UnifiedDiff {
    private UnifiedDiff() {
    }

    static final int CONTEXT = 3;
    /** Above this many cells the middle part is shown as replaced wholesale (keeps memory small). */
    static final long MAX_CELLS = 1_000_000;

    private record Edit(char op, String line, int aLine, int bLine) {
    }

    /** The diff, or "" when both texts have the same lines. */
    public static String of(String aName, String a, String bName, String b) {
        List<String> x = lines(a);
        List<String> y = lines(b);
        List<Edit> edits = edits(x, y);
        if (edits.stream().allMatch(e -> e.op == ' '))
            return "";
        StringBuilder out = new StringBuilder("--- ").append(aName).append("\n+++ ").append(bName).append('\n');
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend the hunk while changes are closer than 2*CONTEXT unchanged lines
            int lastChange = i;
            for (int j = i; j < edits.size(); j++) {
                if (edits.get(j).op != ' ')
                    lastChange = j;
                else if (j - lastChange > 2 * CONTEXT)
                    break;
                end = j;
            }
            end = Math.min(edits.size() - 1, lastChange + CONTEXT);
            int aStart = 0, aCount = 0, bStart = 0, bCount = 0;
            StringBuilder body = new StringBuilder();
            for (int j = start; j <= end; j++) {
                Edit e = edits.get(j);
                if (e.op != '+') {
                    if (aCount++ == 0)
                        aStart = e.aLine;
                }
                if (e.op != '-') {
                    if (bCount++ == 0)
                        bStart = e.bLine;
                }
                body.append(e.op).append(e.line).append('\n');
            }
            if (aCount == 0)
                aStart = edits.get(start).aLine - 1;
            if (bCount == 0)
                bStart = edits.get(start).bLine - 1;
            out.append("@@ -").append(range(aStart, aCount)).append(" +").append(range(bStart, bCount)).append(" @@\n")
                    .append(body);
            i = end + 1;
        }
        return out.toString();
    }

    private static String range(int start, int count) {
        return count == 1 ? String.valueOf(start) : start + "," + count;
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.replace("\r\n", "\n").split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty())
            lines.remove(lines.size() - 1);
        return lines;
    }

    private static List<Edit> edits(List<String> x, List<String> y) {
        int prefix = 0;
        while (prefix < x.size() && prefix < y.size() && x.get(prefix).equals(y.get(prefix)))
            prefix++;
        int suffix = 0;
        while (suffix < x.size() - prefix && suffix < y.size() - prefix
                && x.get(x.size() - 1 - suffix).equals(y.get(y.size() - 1 - suffix)))
            suffix++;
        List<Edit> edits = new ArrayList<>();
        for (int k = 0; k < prefix; k++)
            edits.add(new Edit(' ', x.get(k), k + 1, k + 1));
        int n = x.size() - prefix - suffix;
        int m = y.size() - prefix - suffix;
        if ((long) n * m > MAX_CELLS) {
            for (int k = 0; k < n; k++)
                edits.add(new Edit('-', x.get(prefix + k), prefix + k + 1, prefix + 1));
            for (int k = 0; k < m; k++)
                edits.add(new Edit('+', y.get(prefix + k), prefix + n + 1, prefix + k + 1));
        } else {
            int[][] lcs = new int[n + 1][m + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    lcs[i][j] = x.get(prefix + i).equals(y.get(prefix + j)) ? lcs[i + 1][j + 1] + 1
                            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            int i = 0, j = 0;
            while (i < n || j < m) {
                if (i < n && j < m && x.get(prefix + i).equals(y.get(prefix + j))) {
                    edits.add(new Edit(' ', x.get(prefix + i), prefix + i + 1, prefix + j + 1));
                    i++;
                    j++;
                } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                    edits.add(new Edit('+', y.get(prefix + j), prefix + i + 1, prefix + j + 1));
                    j++;
                } else {
                    edits.add(new Edit('-', x.get(prefix + i), prefix + i + 1, prefix + j + 1));
                    i++;
                }
            }
        }
        for (int k = 0; k < suffix; k++) {
            int ai = x.size() - suffix + k, bi = y.size() - suffix + k;
            edits.add(new Edit(' ', x.get(ai), ai + 1, bi + 1));
        }
        return edits;
    }
}
