package dev.gameday.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoSystemTest {
    private static Vertx vertx;
    private static WebClient client;
    /** How long the stand-in inventory (in place of the proxy) waits before answering. */
    private static final AtomicLong inventoryDelayMs = new AtomicLong();
    private static DemoSystem demo;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        client = WebClient.create(vertx);
        int standIn = vertx.createHttpServer().requestHandler(request -> vertx.setTimer(
                        Math.max(1, inventoryDelayMs.get()),
                        t -> request.response().end("{\"id\":" + request.path().substring(7) + ",\"stock\":7}")))
                .listen(0, "127.0.0.1").await().actualPort();
        demo = DemoSystem.start(vertx, 0, 0, "127.0.0.1:" + standIn).await();
    }

    @AfterAll
    static void stop() {
        demo.close().await();
        vertx.close().await();
    }

    private static HttpResponse<Buffer> get(String path) {
        return client.get(demo.storefrontPort(), "127.0.0.1", path)
                .putHeader("Authorization", "Bearer demo-token").send().await();
    }

    @Test
    void bothVariantsServeLiveStockWhenInventoryIsFast() {
        inventoryDelayMs.set(0);
        for (String variant : new String[] {"resilient", "fragile"}) {
            HttpResponse<Buffer> response = get("/products/42?variant=" + variant);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.bodyAsString()).contains("\"id\":42");
            assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject()
                    .put("id", 42).put("name", "Product 42").put("stock", 7).put("stockSource", "live"));
        }
    }

    @Test
    void resilientVariantFallsBackToCachedStockWhenInventoryIsSlow() {
        inventoryDelayMs.set(0);
        assertThat(get("/products/43?variant=resilient").bodyAsJsonObject().getString("stockSource")).isEqualTo("live");
        inventoryDelayMs.set(1_500);
        long started = System.nanoTime();
        HttpResponse<Buffer> cached = get("/products/43?variant=resilient");
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(cached.statusCode()).isEqualTo(200);
        assertThat(cached.bodyAsJsonObject().getString("stockSource")).isEqualTo("cache");
        assertThat(cached.bodyAsJsonObject().getInteger("stock")).isEqualTo(7);
        assertThat(tookMs).isLessThan(1_200); // 250 ms client timeout, generous margin
        JsonObject neverSeen = get("/products/99").bodyAsJsonObject();
        assertThat(neverSeen.getString("stockSource")).isEqualTo("cache");
        assertThat(neverSeen.getInteger("stock")).isEqualTo(Storefront.DEFAULT_STOCK);
    }

    @Test
    void fragileVariantFailsWhenInventoryIsSlowerThanItsTimeout() {
        inventoryDelayMs.set(5_000);
        HttpResponse<Buffer> response = get("/products/42?variant=fragile");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.bodyAsJsonObject().getString("error")).startsWith("inventory unavailable");
    }

    @Test
    void inventoryAnswersDirectlyAndBothServicesHaveHealth() {
        HttpResponse<Buffer> stock = client.get(demo.inventoryPort(), "127.0.0.1", "/stock/42")
                .putHeader("Authorization", "Bearer demo-token").send().await();
        assertThat(stock.bodyAsJsonObject()).isEqualTo(new JsonObject().put("id", 42).put("stock", 54));
        assertThat(client.get(demo.inventoryPort(), "127.0.0.1", "/health").send().await().statusCode()).isEqualTo(200);
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(get("/products/abc").statusCode()).isEqualTo(400);
        assertThat(get("/products/1?variant=brittle").statusCode()).isEqualTo(400);
    }

    @Test
    void withoutAProxyTheStorefrontCallsInventoryItself() {
        DemoSystem direct = DemoSystem.start(vertx, 0, 0, null).await();
        try {
            JsonObject product = client.get(direct.storefrontPort(), "127.0.0.1", "/products/42?variant=fragile")
                    .send().await().bodyAsJsonObject();
            assertThat(product.getInteger("stock")).isEqualTo(54);
        } finally {
            direct.close().await();
        }
        assertThatThrownBy(() -> DemoSystem.start(vertx, 0, 0, "no-port").await())
                .hasMessageContaining("host:port");
    }
}
