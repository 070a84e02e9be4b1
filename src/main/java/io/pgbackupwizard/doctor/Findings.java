package io.pgbackupwizard.doctor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The findings of one check, in the order the rules report them; sorted worst first when read. */
public final class Findings {

    private final List<Finding> list = new ArrayList<>();

    public void add(String rule, Severity severity, Located at, String problem, String fix) {
        list.add(new Finding(rule, severity, at.path(), at.line(), problem, fix));
    }

    /** Worst first, then by line. */
    public List<Finding> sorted() {
        return list.stream().sorted(Comparator.comparing(Finding::severity).thenComparingInt(Finding::line)).toList();
    }
}
