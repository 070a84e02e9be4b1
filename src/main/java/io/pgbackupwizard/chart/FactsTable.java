package io.pgbackupwizard.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A chart family's facts by version: the first row says everything, each later row says only what changed in
 * the version that changed it (as a changelog reads), and starts as a copy of the row before it.
 */
public final class FactsTable {
    private final TreeMap<ChartVersion, ChartFacts> rows = new TreeMap<>();

    private FactsTable() {
    }

    static FactsTable from(String version, UnaryOperator<ChartFacts.Builder> facts) {
        FactsTable t = new FactsTable();
        t.rows.put(ChartVersion.of(version), facts.apply(new ChartFacts.Builder()).build(""));
        return t;
    }

    /** A row for {@code version} and later: the row before it with {@code changes} applied. */
    FactsTable since(String version, UnaryOperator<ChartFacts.Builder> changes) {
        ChartVersion v = ChartVersion.of(version);
        if (v.compareTo(rows.lastKey()) <= 0)
            throw new IllegalStateException("rows go oldest first: " + version);
        rows.put(v, changes.apply(rows.lastEntry().getValue().toBuilder()).build(""));
        return this;
    }

    /** Fills in each row's range for people ("11.0.0-16.5.x", "16.6.0 and later"); the last step of writing. */
    FactsTable done() {
        List<ChartVersion> starts = new ArrayList<>(rows.keySet());
        for (int i = 0; i < starts.size(); i++) {
            rows.put(starts.get(i), rows.get(starts.get(i)).toBuilder().build(range(starts, i, i)));
        }
        return this;
    }

    /** The oldest version the table describes. */
    public ChartVersion oldest() {
        return rows.firstKey();
    }

    /** The facts of the row that holds {@code v}; null below the oldest. */
    ChartFacts at(ChartVersion v) {
        Map.Entry<ChartVersion, ChartFacts> row = rows.floorEntry(v);
        return row == null ? null : row.getValue();
    }

    /** The rows, oldest first, each with the version it starts at. */
    public Map<ChartVersion, ChartFacts> rows() {
        return java.util.Collections.unmodifiableMap(rows);
    }

    /** The versions whose facts match, for people: "8.0.0-9.x", "10.0.0 and later", or runs joined by ", ". */
    public String versionsWhere(Predicate<ChartFacts> test) {
        List<ChartVersion> starts = new ArrayList<>(rows.keySet());
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            if (!test.test(rows.get(starts.get(i))))
                continue;
            int last = i;
            while (last + 1 < starts.size() && test.test(rows.get(starts.get(last + 1))))
                last++;
            runs.add(range(starts, i, last));
            i = last;
        }
        return runs.isEmpty() ? "none" : String.join(", ", runs);
    }

    private static String range(List<ChartVersion> starts, int first, int last) {
        return last + 1 < starts.size()
                ? starts.get(first) + "-" + starts.get(last + 1).previousSeries()
                : starts.get(first) + " and later";
    }
}
