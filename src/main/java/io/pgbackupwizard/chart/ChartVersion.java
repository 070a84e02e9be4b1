package io.pgbackupwizard.model;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Bitnami postgresql chart version (semantic version) and the values layout it implies. */
public record ChartVersion(int major, int minor, int patch, String text) implements Comparable<ChartVersion> {

    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d{0,4})\\.(0|[1-9]\\d{0,4})\\.(0|[1-9]\\d{0,4})(-[0-9A-Za-z.-]{1,40})?(\\+[0-9A-Za-z.-]{1,40})?");

    /** Latest release of each major (newest first), plus the reference example's 8.7.4. */
    public static final List<String> KNOWN = List.of(
            "17.1.0", "16.7.27", "15.5.38", "14.3.3", "13.4.4", "12.12.10", "11.9.13", "10.16.3",
            "9.8.13", "8.10.14", "8.7.4");

    public static ChartVersion parse(String text) {
        Matcher m = SEMVER.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a semantic version such as 16.7.27");
        }
        ChartVersion v = new ChartVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), text);
        if (v.major < 8) {
            throw new IllegalArgumentException("chart versions before 8.0.0 are not supported (oldest layout: 8.x)");
        }
        return v;
    }

    public ChartGeneration generation() {
        return ChartGeneration.of(this);
    }

    @Override
    public int compareTo(ChartVersion o) {
        if (major != o.major) return Integer.compare(major, o.major);
        if (minor != o.minor) return Integer.compare(minor, o.minor);
        return Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return text;
    }
}
