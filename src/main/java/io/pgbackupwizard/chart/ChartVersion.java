package io.pgbackupwizard.chart;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A chart version (semantic version); what it implies is asked of {@link ChartFamily#facts}. */
public record ChartVersion(int major, int minor, int patch, String text) implements Comparable<ChartVersion> {

    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d{0,4})\\.(0|[1-9]\\d{0,4})\\.(0|[1-9]\\d{0,4})(-[0-9A-Za-z.-]{1,40})?(\\+[0-9A-Za-z.-]{1,40})?");

    public static ChartVersion parse(String text) {
        Matcher m = SEMVER.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a semantic version such as 16.7.27");
        }
        ChartVersion v = new ChartVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), text);
        return v;
    }

    /** For writing the table of facts: "16.6.0". */
    static ChartVersion of(String text) {
        return parse(text);
    }

    /** The version just before this one as people write ranges: 16.5.x before 16.6.0, 9.x before 10.0.0. */
    String previousSeries() {
        if (patch > 0)
            return major + "." + minor + "." + (patch - 1);
        if (minor > 0)
            return major + "." + (minor - 1) + ".x";
        return (major - 1) + ".x";
    }

    @Override
    public int compareTo(ChartVersion o) {
        if (major != o.major)
            return Integer.compare(major, o.major);
        if (minor != o.minor)
            return Integer.compare(minor, o.minor);
        return Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return text;
    }
}
