package io.pgbackupwizard.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity (k8s.io/apimachinery resource.Quantity) as an exact number of base units
 * (bytes, or cores for CPU), so sizes can be added and compared: "1Gi" plus "512Mi" is "1536Mi", and
 * "1G" (10^9) is less than "1Gi" (2^30). {@link #text} keeps what the user typed.
 */
public record Quantity(BigDecimal value, String text) implements Comparable<Quantity> {

    // A decimal number and an optional binary/decimal suffix or exponent, as resource.ParseQuantity reads it.
    static final Pattern PATTERN = Pattern.compile(
            "\\+?(\\d+(?:\\.\\d*)?|\\.\\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\\d{1,2})?");

    private static final Map<String, BigDecimal> SUFFIX = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")),
            Map.entry("k", new BigDecimal("1e3")), Map.entry("M", new BigDecimal("1e6")), Map.entry("G", new BigDecimal("1e9")),
            Map.entry("T", new BigDecimal("1e12")), Map.entry("P", new BigDecimal("1e15")),
            Map.entry("E", new BigDecimal("1e18")),
            Map.entry("Ki", BigDecimal.valueOf(2).pow(10)), Map.entry("Mi", BigDecimal.valueOf(2).pow(20)),
            Map.entry("Gi", BigDecimal.valueOf(2).pow(30)), Map.entry("Ti", BigDecimal.valueOf(2).pow(40)),
            Map.entry("Pi", BigDecimal.valueOf(2).pow(50)), Map.entry("Ei", BigDecimal.valueOf(2).pow(60)));

    public static final BigDecimal MI = BigDecimal.valueOf(2).pow(20);

    /** @throws IllegalArgumentException with a message for the person who typed it */
    public static Quantity parse(String text) {
        if (text.length() > 32)
            throw new IllegalArgumentException("must be at most 32 characters");
        Matcher m = PATTERN.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a Kubernetes quantity such as 512Mi, 1Gi or 2G");
        }
        String number = m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1);
        String suffix = m.group(2) == null ? "" : m.group(2);
        // An exponent such as e3 or E-2 is a multiplier BigDecimal reads as "1e3".
        BigDecimal multiplier = SUFFIX.containsKey(suffix) ? SUFFIX.get(suffix) : new BigDecimal("1" + suffix);
        return new Quantity(new BigDecimal(number).multiply(multiplier), text);
    }

    /** The quantity, or empty when the text is not one (for reading files others wrote). */
    public static Optional<Quantity> tryParse(String text) {
        try {
            return Optional.of(parse(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A byte count written as whole mebibytes, rounded up (a limit rounded up never falls short). */
    public static Quantity ofBytesRoundedUpToMi(BigDecimal bytes) {
        BigDecimal mi = bytes.divide(MI, 0, RoundingMode.CEILING);
        return new Quantity(mi.multiply(MI), mi.toPlainString() + "Mi");
    }

    public static Quantity mebibytes(long mi) {
        return new Quantity(MI.multiply(BigDecimal.valueOf(mi)), mi + "Mi");
    }

    public Quantity plus(Quantity other) {
        return ofBytesRoundedUpToMi(value.add(other.value));
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    @Override
    public int compareTo(Quantity o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return text;
    }
}
