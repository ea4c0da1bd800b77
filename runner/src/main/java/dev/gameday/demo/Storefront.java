package dev.gameday.demo;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo's storefront: {@code GET /products/:id?variant=resilient|fragile} asks inventory for the stock.
 * The resilient variant gives inventory 250 ms and otherwise answers with the last stock it saw for
 * that product (or a default); the fragile one waits up to 3 s and then fails with 503.
 * {@code GET /metrics} serves its request metrics to Prometheus ({@link DemoMetrics}).
 */
final class Storefront {
    static final long RESILIENT_TIMEOUT_MS = 250;
    static final long FRAGILE_TIMEOUT_MS = 3_000;
    static final int DEFAULT_STOCK = 10;

    private final Vertx vertx;
    private final WebClient inventory;
    private final HostAndPort inventoryAddress;
    private final Map<Long, Integer> lastGoodStock = new ConcurrentHashMap<>();

    private Storefront(Vertx vertx, HostAndPort inventoryAddress) {
        this.vertx = vertx;
        this.inventoryAddress = inventoryAddress;
        this.inventory = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true));
    }

    static Future<Storefront.Running> start(Vertx vertx, int port, HostAndPort inventoryAddress) {
        Storefront storefront = new Storefront(vertx, inventoryAddress);
        Router router = Router.router(vertx);
        DemoMetrics.install(router);
        router.get("/health").handler(rc -> Json.send(rc, 200, new JsonObject().put("status", "up")));
        router.get("/products/:id").handler(storefront::product);
        return DemoSystem.listening("storefront", port,
                vertx.createHttpServer().requestHandler(router).listen(port, DemoSystem.HOST))
                .map(server -> new Running(server, storefront.inventory));
    }

    /** The listening storefront and the client it must close with it. */
    record Running(HttpServer server, WebClient inventory) {
        Future<Void> close() {
            return server.close().onComplete(closed -> inventory.close());
        }
    }

    private void product(RoutingContext rc) {
        Long id = Json.id(rc);
        if (id == null) {
            return;
        }
        String variant = rc.queryParams().get("variant");
        boolean resilient = variant == null || variant.equals("resilient");
        if (!resilient && !variant.equals("fragile")) {
            Json.send(rc, 400, new JsonObject().put("error", "variant must be resilient or fragile"));
            return;
        }
        fetchStock(id, resilient ? RESILIENT_TIMEOUT_MS : FRAGILE_TIMEOUT_MS).onComplete(stock -> {
            JsonObject product = new JsonObject().put("id", id).put("name", "Product " + id);
            if (stock.succeeded()) {
                lastGoodStock.put(id, stock.result());
                Json.send(rc, 200, product.put("stock", stock.result()).put("stockSource", "live"));
            } else if (resilient) {
                Json.send(rc, 200, product.put("stock", lastGoodStock.getOrDefault(id, DEFAULT_STOCK))
                        .put("stockSource", "cache"));
            } else {
                Json.send(rc, 503, new JsonObject()
                        .put("error", "inventory unavailable: " + stock.cause().getMessage()));
            }
        });
    }

    /** The stock from inventory, failed when inventory errs or has not answered within {@code timeoutMs}. */
    private Future<Integer> fetchStock(long id, long timeoutMs) {
        Promise<Integer> stock = Promise.promise();
        long deadline = vertx.setTimer(timeoutMs, t ->
                stock.tryFail("no answer from inventory within " + timeoutMs + "ms"));
        inventory.get(inventoryAddress.port(), inventoryAddress.host(), "/stock/" + id)
                .idleTimeout(timeoutMs)
                .send()
                .map(Storefront::stockOf)
                .onComplete(answer -> {
                    vertx.cancelTimer(deadline);
                    if (answer.succeeded()) {
                        stock.tryComplete(answer.result());
                    } else {
                        stock.tryFail(answer.cause());
                    }
                });
        return stock.future();
    }

    private static int stockOf(HttpResponse<Buffer> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("inventory answered " + response.statusCode());
        }
        return response.bodyAsJsonObject().getInteger("stock");
    }
}
