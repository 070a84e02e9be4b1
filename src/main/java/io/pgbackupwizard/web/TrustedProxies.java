package io.pgbackupwizard.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The proxies whose forwarded headers count: IP addresses and CIDR ranges (IPv4 and IPv6), as listed in
 * quarkus.http.proxy.trusted-proxies. Host names in that list are not resolved here (a link must not depend on
 * DNS at request time), so they never make a proxy trusted for links. An empty list trusts nobody.
 */
final class TrustedProxies {

    /** An IP literal (no host name lookups), with an optional /prefix length. */
    private static final Pattern IP_OR_CIDR = Pattern.compile("[0-9A-Fa-f:.]+(/[0-9]{1,3})?");

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) return false;
            int full = prefix / 8;
            for (int i = 0; i < full; i++) if (address[i] != network[i]) return false;
            int rest = prefix % 8;
            if (rest == 0) return true;
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    static TrustedProxies of(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (!IP_OR_CIDR.matcher(entry).matches()) continue;
            int slash = entry.indexOf('/');
            String ip = slash < 0 ? entry : entry.substring(0, slash);
            byte[] network;
            try {
                network = InetAddress.getByName(ip).getAddress(); // a literal: no lookup
            } catch (UnknownHostException e) {
                continue;
            }
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(entry.substring(slash + 1));
            if (prefix > network.length * 8) continue;
            ranges.add(new Range(network, prefix));
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    boolean trusts(InetAddress peer) {
        if (peer == null) return false;
        byte[] address = peer.getAddress();
        return ranges.stream().anyMatch(r -> r.contains(address));
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }
}
