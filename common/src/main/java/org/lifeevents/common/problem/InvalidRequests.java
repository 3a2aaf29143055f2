package org.lifeevents.common.problem;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.lifeevents.common.correlation.CorrelationId;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerConnection;
import io.vertx.core.http.impl.HttpServerImpl;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.TCPServerBase;
import io.vertx.core.net.impl.VertxHandler;

/**
 * Answers with a problem the requests the HTTP server refuses before any route sees them: a request line longer than
 * {@code quarkus.http.limits.max-initial-line-length} (414 {@code uri_too_long}), headers larger than
 * {@code quarkus.http.limits.max-header-size} (431 {@code headers_too_large}), and bytes that are not an HTTP request
 * (400 {@code malformed_request}). Vert.x hands those to its server's invalid-request handler, which answers with a
 * bare status, and Quarkus starts the server without a way to set that handler; so it is set on each connection as the
 * connection opens, by a Netty handler on the listening socket. The same handler leaves on each connection, between
 * the HTTP codec and Vert.x, a last net: a refusal that any layer sends with no body and no type (Quarkus REST's own 413
 * for a chunked body that grows past {@code max-body-size}) gets a problem body with a code from its status. That needs
 * two things from Vert.x's internals (the
 * listening channel of a server and the connection behind a channel's handler): when a Vert.x upgrade changes them,
 * {@code RequestLimitsTest} (consent service) fails and the service logs a warning and answers these requests bare again,
 * nothing
 * worse. Cleartext HTTP/2 upgrades are turned off, because with them Vert.x sets a connection up only when its first
 * bytes arrive, too late for the first request; browsers speak HTTP/2 only over TLS, and the services sit behind a
 * proxy that speaks HTTP/1.1 to them.
 */
@ApplicationScoped
public class InvalidRequests implements HttpServerOptionsCustomizer {

    private static final Logger LOG = Logger.getLogger(InvalidRequests.class);
    private static final String NAME = "lifeevents-invalid-requests";

    @Inject
    Vertx vertx;

    @Inject
    ObjectMapper json;

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }

    void install(@ObservesAsync HttpServerStart started) {
        try {
            for (HttpServerImpl server : ((VertxInternal) vertx).sharedHttpServers().values()) {
                Channel listening = listeningChannel(server);
                if (listening != null && listening.pipeline().get(NAME) == null) {
                    listening.pipeline().addFirst(NAME, new Accepted());
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf(e, "Requests the HTTP server refuses before routing are answered without a problem body");
        }
    }

    @SuppressWarnings("unchecked")
    private static Channel listeningChannel(HttpServerImpl server) throws ReflectiveOperationException {
        Field bound = TCPServerBase.class.getDeclaredField("bindFuture");
        bound.setAccessible(true);
        Future<Channel> channel = (Future<Channel>) bound.get(server);
        return channel == null || !channel.succeeded() ? null : channel.result();
    }

    /** On the listening socket: puts a {@link Connection} in front of every connection it accepts. */
    @ChannelHandler.Sharable
    private final class Accepted extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof Channel accepted) {
                accepted.pipeline().addFirst(NAME, new Connection());
            }
            context.fireChannelRead(message);
        }
    }

    /** On one connection: once Vert.x has set it up, replaces its invalid-request handler and steps aside. */
    private final class Connection extends ChannelInboundHandlerAdapter {

        @Override
        public void channelActive(ChannelHandlerContext context) {
            attach(context);
            context.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            attach(context);
            context.fireChannelRead(message);
        }

        private void attach(ChannelHandlerContext context) {
            ChannelHandlerContext vertxContext = context.pipeline().context(VertxHandler.class);
            if (vertxContext != null
                    && ((VertxHandler<?>) vertxContext.handler()).getConnection() instanceof HttpServerConnection connection) {
                connection.invalidRequestHandler(InvalidRequests.this::refuse);
                context.pipeline().addBefore(vertxContext.name(), NAME + "-bare", new BareRefusals());
                context.pipeline().remove(this);
            }
        }
    }

    /**
     * Between the HTTP codec and Vert.x on one connection: gives a refusal that leaves with no body and no type (Quarkus
     * REST's own 413 for a chunked body that grows past the limit, say) a problem body, so whatever layer refuses, the
     * client reads a problem.
     */
    private final class BareRefusals extends ChannelDuplexHandler {

        private String path;
        private String correlationId;
        private boolean head;
        private byte[] pendingBody;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest request) {
                path = new QueryStringDecoder(request.uri()).path();
                correlationId = request.headers().get(CorrelationId.HEADER);
                head = HttpMethod.HEAD.equals(request.method());
            }
            context.fireChannelRead(message);
        }

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            if (message instanceof HttpResponse response && bare(response)) {
                byte[] body = problem(response);
                if (message instanceof FullHttpResponse full) {
                    FullHttpResponse replaced = new DefaultFullHttpResponse(full.protocolVersion(), full.status(),
                            Unpooled.wrappedBuffer(body), full.headers(), full.trailingHeaders());
                    full.release();
                    context.write(replaced, promise);
                    return;
                }
                pendingBody = body;
            } else if (pendingBody != null && message instanceof LastHttpContent last
                    && last.content().readableBytes() == 0) {
                DefaultLastHttpContent replaced = new DefaultLastHttpContent(Unpooled.wrappedBuffer(pendingBody));
                replaced.trailingHeaders().set(last.trailingHeaders());
                pendingBody = null;
                last.release();
                context.write(replaced, promise);
                return;
            }
            context.write(message, promise);
        }

        private boolean bare(HttpResponse response) {
            // The answer to a HEAD has no body, whatever its status.
            return !head && response.status().code() >= 400
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)
                    && "0".equals(response.headers().get(HttpHeaderNames.CONTENT_LENGTH));
        }

        /** The problem for the response's status, its type, length and correlation id set on its headers. */
        private byte[] problem(HttpResponse response) {
            HttpResponseStatus status = response.status();
            String id = CorrelationId.of(correlationId);
            String code = switch (status.code()) {
                case 413 -> "body_too_large";
                case 414 -> "uri_too_long";
                case 431 -> "headers_too_large";
                case 400 -> "malformed_request";
                default -> status.reasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "_");
            };
            byte[] body;
            try {
                body = json.writeValueAsBytes(Problem.of(status.code(), code, status.reasonPhrase(),
                        status.reasonPhrase() + ".", path, id, List.of()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length).set(CorrelationId.HEADER, id);
            return body;
        }
    }

    /** The same statuses as Vert.x's own handler, with a problem body. */
    private void refuse(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        String reason = cause instanceof TooLongFrameException && cause.getMessage() != null ? cause.getMessage() : "";
        if (reason.startsWith("An HTTP line is larger than")) {
            RequestLimits.refuse(json, request, 414, "uri_too_long", "URI Too Long",
                    "The request line is longer than this service reads.", null);
        } else if (reason.startsWith("HTTP header is larger than")) {
            RequestLimits.refuse(json, request, 431, "headers_too_large", "Request Header Fields Too Large",
                    "The request's headers are larger than this service reads.", null);
        } else {
            RequestLimits.refuse(json, request, 400, "malformed_request", "Bad Request",
                    "The request is not a well-formed HTTP request.", null);
        }
    }
}
