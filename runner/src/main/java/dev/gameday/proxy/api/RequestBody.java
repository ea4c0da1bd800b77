package dev.gameday.proxy.api;

import dev.gameday.proxy.net.ProxyError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads the request body whatever its Content-Type, as Toxiproxy does: its handlers parse every
 * body as JSON, so {@code curl -d} (form-encoded by default) works. Vert.x's BodyHandler would
 * decode a form body as form fields instead, and fail on long ones. A body over {@link #LIMIT} gets
 * 413 at once; the rest is read and dropped, then the connection is closed.
 */
final class RequestBody {

    static final int LIMIT = 1024 * 1024;

    private static final String KEY = RequestBody.class.getName();

    private RequestBody() {}

    /** The first handler of every route: collects the body, then routing goes on. */
    static void collect(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.isEnded()) {
            ctx.next();
            return;
        }
        Buffer body = Buffer.buffer();
        if (declaredTooLarge(request.getHeader(HttpHeaders.CONTENT_LENGTH))) {
            tooLarge(ctx);
        }
        request.handler(chunk -> {
            if (ctx.response().ended()) {
                return; // answered 413: the rest is read and dropped, so the client gets to read the answer
            }
            if (body.length() + chunk.length() > LIMIT) {
                tooLarge(ctx);
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(v -> {
            if (ctx.response().ended()) {
                request.connection().close();
            } else {
                ctx.put(KEY, body.toString());
                ctx.next();
            }
        });
        // the router pauses requests until a handler asks for their body
        request.resume();
    }

    private static boolean declaredTooLarge(String contentLength) {
        try {
            return contentLength != null && Long.parseLong(contentLength.strip()) > LIMIT;
        } catch (NumberFormatException e) {
            return false; // the HTTP codec has judged it already
        }
    }

    /** The body as text; empty when there was none. */
    static String of(RoutingContext ctx) {
        String body = ctx.get(KEY);
        return body == null ? "" : body;
    }

    private static void tooLarge(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        ToxiproxyApi.error(ctx, new ProxyError(413, "request body over " + LIMIT + " bytes"));
    }
}
