package dev.gameday.proxy.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.text.Failures;
import dev.gameday.text.ToxiproxyNames;
import dev.gameday.proxy.net.Proxy;
import dev.gameday.proxy.net.ProxyCollection;
import dev.gameday.proxy.net.ProxyCollection.ProxyInput;
import dev.gameday.proxy.net.ProxyError;
import dev.gameday.proxy.toxic.Toxic;
import dev.gameday.proxy.toxic.ConfiguredToxic;
import dev.gameday.proxy.toxic.ToxicTypes;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Toxiproxy 2.x's HTTP API on a vertx-web {@link Router}: same paths, JSON shapes, status codes and
 * error bodies, POST accepted wherever Toxiproxy takes PATCH (toxiproxy-java updates with POST and
 * sends no Content-Type). Requests from browsers are refused, as Toxiproxy does, so a web page
 * cannot drive the local API.
 */
public final class ToxiproxyApi {

    private final ProxyCollection proxies;
    private final String version;

    private ToxiproxyApi(ProxyCollection proxies, String version) {
        this.proxies = proxies;
        this.version = version;
    }

    /** The API's request handler. */
    public static Handler<HttpServerRequest> handler(Vertx vertx, ProxyCollection proxies, String version) {
        Router router = new ToxiproxyApi(proxies, version).routes(Router.router(vertx));
        return request -> {
            if (validEscapes(request.path())) {
                router.handle(request);
            } else {
                // the router would throw matching it against the routes (and log the stack trace)
                request.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end(ProxyJson.error(400, "bad request path: invalid %-escape").toString());
            }
        };
    }

    /** Whether every {@code %} starts a two-digit hex escape. */
    private static boolean validEscapes(String path) {
        for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
            if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0 || Character.digit(path.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private Router routes(Router router) {
        router.route().handler(ToxiproxyApi::refuseBrowsers);
        router.route().handler(RequestBody::collect);
        // what no route answers (e.g. a path with a bad %-escape): an error body, never a logged stack trace
        router.route().failureHandler(ctx -> error(ctx, ctx.failure() instanceof ProxyError e ? e
                : new ProxyError(ctx.statusCode() > 0 ? ctx.statusCode() : 500, failureMessage(ctx))));
        router.get("/version").handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=utf-8")
                .end("{\"version\": " + ProxyJson.MAPPER.valueToTree(version) + "}\n"));
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, PrometheusMetrics.CONTENT_TYPE)
                .end(PrometheusMetrics.render(proxies.all())));
        router.post("/reset").handler(reply(204, ctx -> proxies.reset().map(v -> null)));
        router.get("/proxies").handler(reply(200, ctx -> Future.succeededFuture(index())));
        router.post("/proxies").handler(reply(201, this::createProxy));
        router.post("/populate").handler(reply(201, this::populate));
        router.get("/proxies/:proxy").handler(reply(200, ctx -> Future.succeededFuture(ProxyJson.proxy(proxy(ctx)))));
        Handler<RoutingContext> updateProxy = reply(200, this::updateProxy);
        router.post("/proxies/:proxy").handler(updateProxy);
        router.patch("/proxies/:proxy").handler(updateProxy);
        router.delete("/proxies/:proxy").handler(reply(204, ctx -> proxies.delete(ctx.pathParam("proxy")).map(v -> null)));
        router.get("/proxies/:proxy/toxics").handler(reply(200, ctx -> Future.succeededFuture(toxics(proxy(ctx)))));
        router.post("/proxies/:proxy/toxics").handler(reply(200, this::createToxic));
        router.get("/proxies/:proxy/toxics/:toxic").handler(reply(200, ctx -> Future.succeededFuture(ProxyJson.toxic(toxic(ctx)))));
        Handler<RoutingContext> updateToxic = reply(200, this::updateToxic);
        router.post("/proxies/:proxy/toxics/:toxic").handler(updateToxic);
        router.patch("/proxies/:proxy/toxics/:toxic").handler(updateToxic);
        router.delete("/proxies/:proxy/toxics/:toxic").handler(reply(204,
                ctx -> proxies.removeToxic(ctx.pathParam("proxy"), ctx.pathParam("toxic")).map(v -> null)));
        return router;
    }

    private static void refuseBrowsers(RoutingContext ctx) {
        String agent = ctx.request().getHeader(HttpHeaders.USER_AGENT);
        if (agent != null && agent.startsWith("Mozilla/")) {
            ctx.response().setStatusCode(403)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .end("User agent not allowed\n");
        } else {
            ctx.next();
        }
    }

    /** Runs an action; its JSON (or nothing) is the reply, a {@link ProxyError} the error body. */
    private static Handler<RoutingContext> reply(int status, Function<RoutingContext, Future<? extends JsonNode>> action) {
        return ctx -> {
            Future<? extends JsonNode> result;
            try {
                result = action.apply(ctx);
            } catch (RuntimeException e) {
                result = Future.failedFuture(e);
            }
            result.onComplete(done -> {
                if (done.succeeded()) {
                    if (done.result() == null) {
                        ctx.response().setStatusCode(status).end();
                    } else {
                        json(ctx, status, done.result());
                    }
                } else {
                    Throwable failure = done.cause();
                    error(ctx, failure instanceof ProxyError e ? e
                            : new ProxyError(500, Failures.message(failure)));
                }
            });
        };
    }

    private static Future<Void> json(RoutingContext ctx, int status, JsonNode body) {
        return ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(body.toString());
    }

    /** Toxiproxy's error body: {@code {"error": "...", "status": 404}}. */
    static Future<Void> error(RoutingContext ctx, ProxyError error) {
        if (ctx.response().ended()) {
            return Future.succeededFuture();
        }
        return json(ctx, error.status(), ProxyJson.error(error.status(), error.getMessage()));
    }

    private static String failureMessage(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure == null) {
            return ctx.statusCode() == 404 ? "not found" : "request failed";
        }
        return Failures.message(failure);
    }

    private ObjectNode index() {
        ObjectNode all = ProxyJson.MAPPER.createObjectNode();
        proxies.all().forEach(p -> all.set(p.name(), ProxyJson.proxy(p)));
        return all;
    }

    private Proxy proxy(RoutingContext ctx) {
        return proxies.get(ctx.pathParam("proxy"));
    }

    private ConfiguredToxic toxic(RoutingContext ctx) {
        ConfiguredToxic toxic = proxy(ctx).toxic(ctx.pathParam("toxic"));
        if (toxic == null) {
            throw new ProxyError(404, "toxic not found");
        }
        return toxic;
    }

    private static ArrayNode toxics(Proxy proxy) {
        ArrayNode list = ProxyJson.MAPPER.createArrayNode();
        proxy.toxics().forEach(t -> list.add(ProxyJson.toxic(t)));
        return list;
    }

    private Future<ObjectNode> createProxy(RoutingContext ctx) {
        JsonNode body = ProxyJson.object(RequestBody.of(ctx));
        return proxies.create(proxyInput(body, "")).map(ProxyJson::proxy);
    }

    private static ProxyInput proxyInput(JsonNode body, String where) {
        String name = ProxyJson.text(body, "name", "");
        String upstream = ProxyJson.text(body, "upstream", "");
        if (name.isEmpty()) {
            throw new ProxyError(400, "missing required field: name" + where);
        }
        if (!ToxiproxyNames.valid(name)) {
            throw ProxyError.badRequest("proxy name " + ProxyJson.MAPPER.valueToTree(name) + where + " must be " + ToxiproxyNames.RULE);
        }
        if (upstream.isEmpty()) {
            throw new ProxyError(400, "missing required field: upstream" + where);
        }
        Boolean enabled = ProxyJson.bool(body, "enabled");
        return new ProxyInput(name, ProxyJson.text(body, "listen", null), upstream, enabled == null || enabled);
    }

    private Future<ObjectNode> populate(RoutingContext ctx) {
        JsonNode body = ProxyJson.parse(RequestBody.of(ctx));
        if (!body.isArray()) {
            throw ProxyError.badRequest("expected a JSON array of proxies");
        }
        List<ProxyInput> inputs = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode item = body.get(i);
            if (!item.isObject()) {
                throw ProxyError.badRequest("proxy " + (i + 1) + " is not a JSON object");
            }
            inputs.add(proxyInput(item, " at proxy " + (i + 1)));
        }
        return proxies.populate(inputs).map(list -> {
            ObjectNode reply = ProxyJson.MAPPER.createObjectNode();
            ArrayNode array = reply.putArray("proxies");
            list.forEach(p -> array.add(ProxyJson.proxy(p)));
            return reply;
        });
    }

    private Future<ObjectNode> updateProxy(RoutingContext ctx) {
        Proxy proxy = proxy(ctx);
        JsonNode body = ProxyJson.object(RequestBody.of(ctx));
        return proxies.update(proxy.name(), ProxyJson.text(body, "listen", null),
                ProxyJson.text(body, "upstream", null), ProxyJson.bool(body, "enabled")).map(ProxyJson::proxy);
    }

    private Future<ObjectNode> createToxic(RoutingContext ctx) {
        Proxy proxy = proxy(ctx);
        JsonNode body = ProxyJson.object(RequestBody.of(ctx));
        String streamName = ProxyJson.text(body, "stream", "downstream").toLowerCase(Locale.ROOT);
        ConfiguredToxic.Stream stream = switch (streamName) {
            case "upstream" -> ConfiguredToxic.Stream.UPSTREAM;
            case "downstream" -> ConfiguredToxic.Stream.DOWNSTREAM;
            default -> throw new ProxyError(400, "stream was invalid, can be either upstream or downstream");
        };
        String type = ProxyJson.text(body, "type", "");
        String name = ProxyJson.text(body, "name", "");
        if (name.isEmpty()) {
            name = type + "_" + streamName;
        }
        Toxic toxic = ToxicTypes.find(type).orElseThrow(() -> new ProxyError(400, "invalid toxic type"));
        if (!ToxiproxyNames.valid(name)) {
            throw ProxyError.badRequest("toxic name " + ProxyJson.MAPPER.valueToTree(name) + " must be " + ToxiproxyNames.RULE);
        }
        if (proxy.toxic(name) != null) {
            throw new ProxyError(409, "toxic already exists");
        }
        ConfiguredToxic spec = new ConfiguredToxic(name, toxic, stream, ProxyJson.toxicity(body, 1f),
                ProxyJson.attributes(body, toxic, ProxyJson.zeros(toxic)));
        return proxies.addToxic(proxy.name(), spec).map(ProxyJson::toxic);
    }

    private Future<ObjectNode> updateToxic(RoutingContext ctx) {
        Proxy proxy = proxy(ctx);
        ConfiguredToxic current = toxic(ctx);
        JsonNode body = ProxyJson.object(RequestBody.of(ctx));
        ConfiguredToxic updated = current.withChanges(ProxyJson.toxicity(body, current.toxicity()),
                ProxyJson.attributes(body, current.toxic(), current.attributes()));
        return proxies.updateToxic(proxy.name(), updated).map(ProxyJson::toxic);
    }
}
