package io.pgbackupwizard.web.guard;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;

/**
 * The proxies whose forwarded headers count: IP addresses and CIDR ranges (IPv4 and IPv6), as listed in
 * quarkus.http.proxy.trusted-proxies. Host names in that list are not resolved here (a link must not depend on
 * DNS at request time), so they never make a proxy trusted for links. An empty list trusts nobody.
 */
public final class TrustedProxies {

    /** An IP literal (no host name lookups), with an optional /prefix length. */
    private static final Pattern IP_OR_CIDR = Pattern.compile("[0-9A-Fa-f:.]+(/[0-9]{1,3})?");

    /** Netty's CIDR matching (an IPv4 range never matches an IPv6 peer, nor the reverse). */
    private final List<IpSubnetFilterRule> ranges;

    private TrustedProxies(List<IpSubnetFilterRule> ranges) {
        this.ranges = ranges;
    }

    public static TrustedProxies of(List<String> entries) {
        List<IpSubnetFilterRule> ranges = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (!IP_OR_CIDR.matcher(entry).matches())
                continue;
            int slash = entry.indexOf('/');
            try {
                InetAddress network = InetAddress.getByName(slash < 0 ? entry : entry.substring(0, slash)); // a literal: no lookup
                int prefix = slash < 0 ? network.getAddress().length * 8 : Integer.parseInt(entry.substring(slash + 1));
                ranges.add(new IpSubnetFilterRule(network, prefix, IpFilterRuleType.ACCEPT));
            } catch (UnknownHostException | IllegalArgumentException e) {
                // not an address, or a prefix longer than the address: trusts nobody
            }
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    public boolean trusts(InetAddress peer) {
        if (peer == null)
            return false;
        InetSocketAddress address = new InetSocketAddress(peer, 0);
        return ranges.stream().anyMatch(r -> r.matches(address));
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }
}
