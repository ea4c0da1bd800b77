package dev.gameday.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The demo's inventory service: {@code GET /stock/:id} answers at once with a stock level derived from
 * the id; {@code GET /metrics} serves its request metrics to Prometheus ({@link DemoMetrics}).
 */
final class Inventory {
    private Inventory() {}

    static Future<HttpServer> start(Vertx vertx, int port) {
        Router router = Router.router(vertx);
        DemoMetrics.install(router);
        router.get("/health").handler(rc -> Json.send(rc, 200, new JsonObject().put("status", "up")));
        router.get("/stock/:id").handler(Inventory::stock);
        return DemoSystem.listening("inventory", port,
                vertx.createHttpServer().requestHandler(router).listen(port, DemoSystem.HOST));
    }

    private static void stock(RoutingContext rc) {
        Long id = Json.id(rc);
        if (id != null) {
            Json.send(rc, 200, new JsonObject().put("id", id).put("stock", Math.floorMod(id * 37, 100)));
        }
    }
}
