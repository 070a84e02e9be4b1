package io.pgbackupwizard.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;

/**
 * The service's public URL for the share link and the curl lines users copy. Never the client's Host or
 * X-Forwarded-Host as such (anyone can send them, and a link to another site would be copied as ours):
 * the configured {@code wizard.base-url}, else the address the connection arrived on. Behind a proxy, set
 * wizard.base-url; forwarded headers (quarkus.http.proxy.*, off by default) then only give the client's address
 * to the logs, and only from quarkus.http.proxy.trusted-proxies.
 */
@ApplicationScoped
public class BaseUrl {

    private final String configured;
    private final CurrentVertxRequest current;

    BaseUrl(WizardConfig config, CurrentVertxRequest current) {
        this.configured = config.baseUrl().map(u -> u.replaceAll("/+$", "")).orElse(null);
        this.current = current;
    }

    public String of(UriInfo uri) {
        if (configured != null) return configured;
        HttpServerRequest request = current.getCurrent().request();
        SocketAddress local = request.localAddress();
        String ip = local.hostAddress().contains(":") ? "[" + local.hostAddress() + "]" : local.hostAddress();
        return (request.isSSL() ? "https" : "http") + "://" + ip + ":" + local.port();
    }
}
