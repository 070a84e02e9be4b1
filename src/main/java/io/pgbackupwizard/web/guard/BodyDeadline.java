package io.pgbackupwizard.web.guard;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads every request body on the event loop, whole, under one deadline, before a worker thread is taken. The
 * generating endpoints run on a small worker pool; read there, a body sent one byte every few seconds would hold a
 * worker for as long as the client likes (the HTTP read timeout is per read, not per body), and four such clients
 * would hold them all. Here a body not complete within {@code wizard.guard.body-deadline} is answered 408 and its connection
 * closed, and one over {@code quarkus.http.limits.max-body-size} 413; a complete body is handed to the resource as
 * the routing context's body, which RESTEasy Reactive reads instead of the socket.
 */
@ApplicationScoped
public class BodyDeadline {

    @jakarta.inject.Inject
    GuardConfig config;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "64K")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::read);
    }

    void read(RoutingContext rc) {
        HttpServerRequest req = rc.request();
        String length = req.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = req.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        if (req.isEnded() || (!chunked && (length == null || length.equals("0")))) {
            rc.next();
            return;
        }
        long max = maxBodySize.asLongValue();
        if (length != null && length.length() < 19 && length.chars().allMatch(Character::isDigit)
                && Long.parseLong(length) > max) {
            RequestHeaderGuard.refuse(rc, 413, "Payload too large: at most " + max + " bytes.\n");
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] over = { false };
        Duration deadline = config.bodyDeadline();
        long timer = rc.vertx().setTimer(deadline.toMillis(), t -> {
            over[0] = true;
            RequestHeaderGuard.refuse(rc, 408,
                    "Request timeout: the body did not arrive within " + deadline.toSeconds() + " s.\n");
        });
        req.handler(chunk -> {
            if (over[0])
                return;
            if (body.length() + chunk.length() > max) {
                over[0] = true;
                rc.vertx().cancelTimer(timer);
                RequestHeaderGuard.refuse(rc, 413, "Payload too large: at most " + max + " bytes.\n");
                return;
            }
            body.appendBuffer(chunk);
        });
        req.exceptionHandler(e -> {
            over[0] = true;
            rc.vertx().cancelTimer(timer);
        });
        req.endHandler(v -> {
            if (over[0])
                return;
            rc.vertx().cancelTimer(timer);
            req.handler(null).endHandler(null).exceptionHandler(null);
            rc.setBody(body);
            rc.next();
        });
        req.resume();
    }
}
