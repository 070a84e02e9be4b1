package io.pgbackupwizard.web.guard;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses, before any resource runs, headers the server would otherwise misread: a Host that is no host name
 * (the framework fails building the request URI: an ERROR log line per request and a 400 whose body says 500),
 * more than one Host (RFC 9112 3.2: 400), and a Transfer-Encoding other than exactly one chunked (ignored by the
 * server, so the body would be read as the next request; RFC 9112 6.1: 501). A refused connection is closed once
 * the answer is written: the bytes after the head cannot be trusted to start a request.
 */
@ApplicationScoped
public class RequestHeaderGuard {

    /** A DNS name or IPv4 address, or a bracketed IPv6 literal, then an optional port. */
    public static final Pattern HOST = Pattern
            .compile("(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9.])?|\\[[0-9A-Fa-f:.]{2,45}\\])(?::[0-9]{1,5})?");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check).failureHandler(this::badHost);
    }

    /** Vert.x drops a Host it cannot parse and then fails the request ("Host header is required"). */
    void badHost(RoutingContext rc) {
        String host = rc.request().getHeader(HttpHeaders.HOST);
        if (host == null || !HOST.matcher(host).matches()) {
            refuse(rc, 400, "Bad request: the Host header is not a host name with an optional port.\n");
        } else {
            rc.next();
        }
    }

    void check(RoutingContext rc) {
        java.util.List<String> hosts = rc.request().headers().getAll(HttpHeaders.HOST);
        if (hosts.size() > 1) {
            refuse(rc, 400, "Bad request: more than one Host header.\n");
            return;
        }
        String host = hosts.isEmpty() ? null : hosts.get(0);
        if (host != null && !HOST.matcher(host).matches()) {
            refuse(rc, 400, "Bad request: the Host header is not a host name with an optional port.\n");
            return;
        }
        java.util.List<String> te = rc.request().headers().getAll(HttpHeaders.TRANSFER_ENCODING);
        if (!te.isEmpty() && (te.size() > 1 || !te.get(0).trim().equalsIgnoreCase("chunked"))) {
            refuse(rc, 501, "Not implemented: Transfer-Encoding " + printable(String.join(", ", te))
                    + "; only one chunked is understood.\n");
            return;
        }
        rc.next();
    }

    /**
     * Answers and closes at once: Vert.x decides keep-alive from the request, not from this answer's header, and
     * would dispatch a request already decoded behind this one when the answer ends; closing in the same turn of
     * the event loop leaves that one unanswered (the answer here is small, so it is flushed before the close).
     */
    static void refuse(RoutingContext rc, int status, String text) {
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                .putHeader(HttpHeaders.CONNECTION, "close").end(text);
        rc.request().connection().close();
    }

    private static String printable(String s) {
        String p = s.replaceAll("[^\\x20-\\x7E]", "?");
        return p.length() > 40 ? p.substring(0, 40) + "..." : p;
    }
}
