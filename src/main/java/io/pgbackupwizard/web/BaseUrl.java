package io.pgbackupwizard.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.netty.util.NetUtil;
import io.pgbackupwizard.web.guard.RequestHeaderGuard;
import io.pgbackupwizard.web.guard.TrustedProxies;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;

/**
 * The service's public URL for the share link and the curl lines users copy. Never the Host or X-Forwarded-Host
 * of just anyone (a link to another site would be copied as ours). In order:
 * <ol>
 * <li>the configured {@code wizard.base-url};</li>
 * <li>behind a proxy listed in quarkus.http.proxy.trusted-proxies (IPs or CIDR ranges, with
 * quarkus.http.proxy.proxy-address-forwarding on), the scheme and host the proxy forwarded, which the framework
 * has already applied to the request, if they are a plain scheme and host name;</li>
 * <li>else the address the connection arrived on.</li>
 * </ol>
 * An empty trusted-proxies list trusts nobody here (the framework itself would then trust everyone).
 */
@ApplicationScoped
public class BaseUrl {

    private final String configured;
    private final CurrentVertxRequest current;
    private final TrustedProxies proxies;

    BaseUrl(WizardConfig config, CurrentVertxRequest current,
            @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false") boolean forwarding,
            @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trusted) {
        this.configured = config.baseUrl().map(u -> u.replaceAll("/+$", "")).orElse(null);
        this.current = current;
        this.proxies = TrustedProxies.of(forwarding ? trusted.orElse(List.of()) : List.of());
    }

    public String of(UriInfo uri) {
        if (configured != null)
            return configured;
        HttpServerRequest request = current.getCurrent().request();
        if (!proxies.isEmpty() && proxies.trusts(address(request.connection().remoteAddress()))) {
            String scheme = request.scheme();
            HostAndPort authority = request.authority();
            String host = authority == null ? null
                    : authority.host() + (authority.port() >= 0 ? ":" + authority.port() : "");
            if (("http".equals(scheme) || "https".equals(scheme)) && host != null
                    && RequestHeaderGuard.HOST.matcher(host).matches()) {
                return scheme + "://" + host;
            }
        }
        SocketAddress local = request.localAddress();
        String ip = local.hostAddress().contains(":") ? "[" + ipText(local.hostAddress()) + "]" : local.hostAddress();
        return (request.isSSL() ? "https" : "http") + "://" + ip + ":" + local.port();
    }

    /**
     * An IP address as RFC 5952 writes it ("::1", not Java's and Vert.x's "0:0:0:0:0:0:0:1"), by Netty's formatter;
     * anything that is no plain IP literal (a zone, "%eth0") as it is.
     */
    static String ipText(String address) {
        byte[] bytes = address.indexOf('%') < 0 ? NetUtil.createByteArrayFromIpAddressString(address) : null;
        return bytes == null ? address : NetUtil.bytesToIpAddress(bytes);
    }

    /** The socket peer (not the forwarded client address), as an IP; null for anything else. */
    private static InetAddress address(SocketAddress peer) {
        if (peer == null || peer.hostAddress() == null)
            return null;
        try {
            return InetAddress.getByName(peer.hostAddress()); // an IP literal: no lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
