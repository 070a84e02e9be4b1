package io.pgbackupwizard.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.pgbackupwizard.web.guard.TrustedProxies;

class TrustedProxiesTest {

    static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void cidrRangesAndSingleAddresses() throws UnknownHostException {
        TrustedProxies p = TrustedProxies.of(List.of("10.0.0.0/8", " 192.168.1.7 ", "172.16.0.0/12", "fd00::/8"));
        assertTrue(p.trusts(ip("10.255.3.4")));
        assertTrue(p.trusts(ip("192.168.1.7")));
        assertFalse(p.trusts(ip("192.168.1.8")));
        assertTrue(p.trusts(ip("172.31.255.255")));
        assertFalse(p.trusts(ip("172.32.0.1")), "outside a /12 that ends mid-byte");
        assertTrue(p.trusts(ip("fd12:3456::1")));
        assertFalse(p.trusts(ip("fe80::1")));
        assertFalse(p.trusts(ip("11.0.0.1")));
    }

    @Test
    void familiesDoNotMix() throws UnknownHostException {
        TrustedProxies p = TrustedProxies.of(List.of("0.0.0.0/0"));
        assertTrue(p.trusts(ip("203.0.113.9")));
        assertFalse(p.trusts(ip("2001:db8::1")));
    }

    @Test
    void hostNamesAndNonsenseTrustNobody() throws UnknownHostException {
        TrustedProxies p = TrustedProxies.of(List.of("proxy.example.com", "localhost", "10.0.0.0/33", "", "1.2.3.4/x"));
        assertTrue(p.isEmpty());
        assertFalse(p.trusts(ip("127.0.0.1")));
        assertFalse(p.trusts(null));
    }
}
