package dev.gameday.demo;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** JSON answers shared by the demo services. */
final class Json {
    private Json() {}

    static void send(RoutingContext rc, int status, JsonObject body) {
        rc.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
    }

    /** The numeric {@code :id} path parameter, or null after answering 400. */
    static Long id(RoutingContext rc) {
        try {
            return Long.parseLong(rc.pathParam("id"));
        } catch (NumberFormatException e) {
            send(rc, 400, new JsonObject().put("error", "product id must be a number"));
            return null;
        }
    }
}
