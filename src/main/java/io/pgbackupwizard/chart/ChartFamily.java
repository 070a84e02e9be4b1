package io.pgbackupwizard.chart;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** A family of PostgreSQL charts, with its facts per version range. */
public enum ChartFamily {
    BITNAMI("Bitnami postgresql", BitnamiPostgresql.TABLE, BitnamiPostgresql.KNOWN, BitnamiPostgresql.PRESET_MEMORY_LIMITS);

    private final String title;
    private final FactsTable table;
    private final List<String> knownVersions;
    private final Map<String, String> presetMemoryLimits;

    ChartFamily(String title, FactsTable table, List<String> knownVersions, Map<String, String> presetMemoryLimits) {
        this.title = title;
        this.table = table;
        this.knownVersions = knownVersions;
        this.presetMemoryLimits = presetMemoryLimits;
    }

    /** The memory limit a resources preset sets ("nano" -> "192Mi"), if the family has that preset. */
    public Optional<String> presetMemoryLimit(String preset) {
        return Optional.ofNullable(presetMemoryLimits.get(preset));
    }

    /** For people: "Bitnami postgresql". */
    public String title() {
        return title;
    }

    /**
     * A version of this family's chart the wizard can describe.
     *
     * @throws IllegalArgumentException with a message for the person who typed it
     */
    public ChartVersion version(String text) {
        ChartVersion v = ChartVersion.parse(text);
        if (table.at(v) == null) {
            throw new IllegalArgumentException("chart versions before " + table.oldest() + " are not supported (oldest layout: "
                    + table.oldest().major() + ".x)");
        }
        return v;
    }

    /** What the chart of that version does; v comes from {@link #version}. */
    public ChartFacts facts(ChartVersion v) {
        ChartFacts f = table.at(v);
        if (f == null)
            throw new IllegalArgumentException("no facts for " + title + " " + v);
        return f;
    }

    /** The versions whose facts match, for people ("16.6.0 and later"). */
    public String versionsWhere(Predicate<ChartFacts> test) {
        return table.versionsWhere(test);
    }

    /** Every row of facts, each with the version it starts at. */
    public FactsTable table() {
        return table;
    }

    /** The newest chart version the facts were checked against (the first known one). */
    public ChartVersion newestKnown() {
        return ChartVersion.parse(knownVersions.get(0));
    }

    /** Whether {@code v} is newer than any version the facts were checked against: its facts are a guess. */
    public boolean newerThanKnown(ChartVersion v) {
        return v.compareTo(newestKnown()) > 0;
    }

    /** Versions the form suggests and the tests walk: the latest of each range people use, newest first. */
    public List<String> knownVersions() {
        return knownVersions;
    }
}
