package io.pgbackupwizard.doctor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings of one check, in the order the rules report them; sorted worst first when read. Bounded: a file may
 * repeat one mistake thousands of times (a hook of 7,000 commands), and every finding kept costs memory and answer
 * bytes, so at most {@link #PER_RULE} per finding id and {@link #MAX} in all are kept, and the rest are counted.
 */
public final class Findings {

    public static final int MAX = 100;
    public static final int PER_RULE = 5;

    private final List<Finding> list = new ArrayList<>();
    private final Map<String, Integer> perRule = new HashMap<>();
    private int dropped;

    public void add(String rule, Severity severity, Located at, String problem, String fix) {
        int seen = perRule.merge(rule, 1, Integer::sum);
        if (seen > PER_RULE || list.size() >= MAX) {
            dropped++;
            return;
        }
        list.add(new Finding(rule, severity, at.path(), at.line(), problem, fix));
    }

    /** Worst first, then by line. */
    public List<Finding> sorted() {
        return list.stream().sorted(Comparator.comparing(Finding::severity).thenComparingInt(Finding::line)).toList();
    }

    /** How many findings were not kept (repeats of one id beyond {@link #PER_RULE}, or beyond {@link #MAX}). */
    public int dropped() {
        return dropped;
    }
}
