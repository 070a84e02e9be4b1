package io.pgbackupwizard.web.guard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers that carry what a user typed or pasted are kept out of shared and disk caches: the doctor's answer holds
 * the pasted manifest (which may have a password in clear), so it is never stored; pages and downloads are private
 * and revalidated. An answer that already says how to cache (the content-hashed assets) keeps its own header.
 */
@ApplicationScoped
public class CacheHeaders {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 3).handler(CacheHeaders::mark);
    }

    static void mark(RoutingContext rc) {
        String path = rc.normalizedPath();
        rc.addHeadersEndHandler(v -> {
            if (!rc.response().headers().contains(HttpHeaders.CACHE_CONTROL)) {
                rc.response().putHeader(HttpHeaders.CACHE_CONTROL,
                        path.startsWith("/doctor") ? "no-store" : "private, no-cache");
            }
        });
        rc.next();
    }
}
