package io.pgbackupwizard.web.guard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Backpressure for HTTP/1.1 pipelining. A client may send many requests on one connection without reading the
 * answers; the server would answer each into memory (64 MB of direct buffers are gone after a few thousand
 * pages, and then nobody is answered). Vert.x already stops reading a connection while requests queue behind
 * the one in progress, so holding the next request until its connection can take more bytes (Netty's write
 * high-water mark) bounds the unsent bytes per connection to about one answer. The client that reads gets
 * every answer; the one that never reads is closed by the idle timeout.
 */
@ApplicationScoped
public class UnreadReplyGuard {

    void install(@Observes Router router) {
        // Right after RequestHeaderGuard (Integer.MIN_VALUE): before any resource produces bytes.
        router.route().order(Integer.MIN_VALUE + 1).handler(UnreadReplyGuard::waitUntilWritable);
    }

    static void waitUntilWritable(RoutingContext rc) {
        if (rc.response().writeQueueFull()) {
            rc.response().drainHandler(v -> {
                rc.response().drainHandler(null);
                rc.next();
            });
        } else {
            rc.next();
        }
    }
}
