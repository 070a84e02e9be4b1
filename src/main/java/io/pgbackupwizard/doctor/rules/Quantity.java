package io.pgbackupwizard.doctor.rules;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes quantities in bytes, for comparing a scratch size with a memory limit. */
final class Quantity {
    private Quantity() {}

    private static final Pattern Q = Pattern.compile("\\+?(\\d+(?:\\.\\d*)?|\\.\\d+)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E|m)?");
    private static final Map<String, BigDecimal> FACTOR = Map.ofEntries(
            Map.entry("", BigDecimal.ONE), Map.entry("m", new BigDecimal("0.001")),
            Map.entry("k", BigDecimal.TEN.pow(3)), Map.entry("M", BigDecimal.TEN.pow(6)), Map.entry("G", BigDecimal.TEN.pow(9)),
            Map.entry("T", BigDecimal.TEN.pow(12)), Map.entry("P", BigDecimal.TEN.pow(15)), Map.entry("E", BigDecimal.TEN.pow(18)),
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)), Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("Pi", BigDecimal.valueOf(1L << 50)), Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

    static Optional<BigDecimal> bytes(String text) {
        Matcher m = Q.matcher(text.strip());
        if (!m.matches()) return Optional.empty();
        String n = m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1);
        return Optional.of(new BigDecimal(n).multiply(FACTOR.get(m.group(2) == null ? "" : m.group(2))));
    }

    static final BigDecimal MI = BigDecimal.valueOf(1L << 20);
}
