package io.pgbackupwizard.web.guard;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Bounds what pipelined requests cost. Vert.x 4.5 stops reading a connection only for request bodies: pipelined
 * GETs behind one in progress are decoded and queued on the heap without limit (about 1.6 KB each), so a client
 * that sends them and never reads the answers exhausts the heap. This Netty handler, placed between Vert.x's HTTP
 * decoder and its connection handler, stops reading a connection while one of its complete requests is unanswered,
 * and closes a connection with more than {@link #PER_CONNECTION} decoded, unanswered requests, or when the whole
 * server holds more than {@link #TOTAL}. A client that pipelines and reads gets every answer in order; one that does
 * not read gets at most what one socket read decodes, then is closed.
 *
 * <p>
 * It is added on a connection's first request (Vert.x exposes no connection hook to Quarkus); from then on it sees
 * every message. It relies on two Vert.x internals, {@link ConnectionBase#channel()} and the pipeline name
 * {@code "handler"} of Vert.x's connection handler: PipelinedUnreadRepliesTest and AttackShapesTest fail when either
 * changes (the limit no longer holds), and a missing handler is logged once.
 */
@ApplicationScoped
public class PipelineLimiter {

    static final Logger LOG = Logger.getLogger(PipelineLimiter.class);
    static final String NAME = "pgbw-pipeline-limiter";
    static final String VERTX_HANDLER = "handler";
    public static final int PER_CONNECTION = 16;
    public static final int TOTAL = 1024;
    static final AtomicInteger UNANSWERED = new AtomicInteger();
    private static final AtomicLong CLOSED = new AtomicLong();
    private static final AtomicLong LAST_LOG = new AtomicLong();
    private static final java.util.concurrent.atomic.AtomicBoolean WARNED = new java.util.concurrent.atomic.AtomicBoolean();

    void install(@Observes Router router) {
        // First of all: before any other handler can answer (Integer.MIN_VALUE is RequestHeaderGuard's, which may refuse).
        router.route().order(Integer.MIN_VALUE).handler(PipelineLimiter::attach);
    }

    static void attach(RoutingContext rc) {
        if (rc.request().connection() instanceof ConnectionBase c) {
            if (!c.channel().isActive()) { // a request Vert.x decoded before its connection was closed: no one to answer
                rc.request().connection().close();
                return;
            }
            attach(c.channel(), rc.request().isEnded());
        }
        rc.next();
    }

    /** @param ended whether the request being routed was already read to its end (else its end passes the handler) */
    static void attach(Channel channel, boolean ended) {
        ChannelPipeline p = channel.pipeline();
        if (p.get(NAME) != null)
            return;
        if (p.get(VERTX_HANDLER) == null) {
            if (WARNED.compareAndSet(false, true)) {
                LOG.warnf("no '%s' in the HTTP pipeline %s: pipelined requests are not bounded", VERTX_HANDLER, p.names());
            }
            return;
        }
        Counter counter = new Counter();
        counter.requests = 1; // the request being routed now was decoded before the handler was there
        counter.complete = ended ? 1 : 0;
        p.addBefore(VERTX_HANDLER, NAME, counter);
        UNANSWERED.incrementAndGet();
        if (ended)
            channel.config().setAutoRead(false);
    }

    /** Requests decoded, complete (their body read) and answered on one connection; runs on its event loop only. */
    static final class Counter extends ChannelDuplexHandler {
        int requests, complete, answered;
        boolean closing;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (closing) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest) {
                requests++;
                int total = UNANSWERED.incrementAndGet();
                if (requests - answered > PER_CONNECTION || total > TOTAL) {
                    closing = true;
                    ReferenceCountUtil.release(msg);
                    closed(ctx, requests - answered > PER_CONNECTION
                            ? (requests - answered) + " pipelined requests unanswered (at most " + PER_CONNECTION + ")"
                            : total + " requests unanswered in the server (at most " + TOTAL + ")");
                    return;
                }
            }
            if (msg instanceof LastHttpContent) {
                complete++;
                if (complete > answered)
                    ctx.channel().config().setAutoRead(false);
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            boolean interim = msg instanceof HttpResponse r && r.status().code() / 100 == 1; // 100 Continue
            if (msg instanceof LastHttpContent && !interim && answered < requests) {
                answered++;
                UNANSWERED.decrementAndGet();
                if (answered >= complete && !closing)
                    ctx.channel().config().setAutoRead(true);
            }
            super.write(ctx, msg, promise);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            UNANSWERED.addAndGet(-(requests - answered));
            answered = requests;
            super.channelInactive(ctx);
        }

        private static void closed(ChannelHandlerContext ctx, String why) {
            ctx.close();
            long n = CLOSED.incrementAndGet();
            long now = System.nanoTime(), last = LAST_LOG.get();
            if (now - last > 10_000_000_000L && LAST_LOG.compareAndSet(last, now)) { // a flood logs one line per 10 s
                LOG.infof("closed a connection from %s: %s (%d closed so far)", ctx.channel().remoteAddress(), why, n);
            }
        }
    }
}
