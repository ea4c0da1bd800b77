package dev.gameday.plan;

import dev.gameday.demo.DemoSystem;
import dev.gameday.testing.Ports;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A demo system (storefront + inventory) for plan tests, on its own Vert.x and free ports, and a short
 * outage experiment against it: the resilient storefront variant holds, the fragile one is refuted.
 * The experiment uses the embedded proxy and no secret, so the command line can run it as it is.
 */
public final class DemoBed implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final DemoSystem demo;
    private final String proxy;

    public DemoBed() throws Exception {
        proxy = "127.0.0.1:" + Ports.free();
        demo = DemoSystem.start(vertx, 0, 0, proxy).await();
    }

    /** The vars that point the experiment at this demo system. */
    public Map<String, String> vars() {
        return Map.of("storefront", "http://127.0.0.1:" + demo.storefrontPort(), "inventoryProxy", proxy,
                "inventoryUpstream", "127.0.0.1:" + demo.inventoryPort());
    }

    /** The vars as a YAML flow mapping, for a plan file. */
    public String varsYaml() {
        StringBuilder s = new StringBuilder("{");
        new java.util.TreeMap<>(vars()).forEach((k, v) -> s.append(s.length() == 1 ? "" : ", ").append(k).append(": \"")
                .append(v).append('"'));
        return s.append('}').toString();
    }

    public static Path writeOutageExperiment(Path dir) throws IOException {
        return Files.writeString(dir.resolve("outage.yaml"), """
                version: 1
                title: Storefront variant survives a short inventory outage
                hypothesis: Product pages keep answering 200 while inventory is down.
                vars:
                  storefront: http://127.0.0.1:1
                  inventoryProxy: 127.0.0.1:1
                  inventoryUpstream: 127.0.0.1:1
                  variant: resilient
                toxiproxy: embedded
                proxies:
                  - name: inventory
                    listen: ${var.inventoryProxy}
                    upstream: ${var.inventoryUpstream}
                steadyState:
                  before: 1s
                  after: 1s
                  probes:
                    - name: product-page
                      type: http
                      url: ${var.storefront}/products/7?variant=${var.variant}
                      timeout: 1s
                      expect:
                        status: [200]
                      interval: 100ms
                      check: continuously
                      tolerance:
                        window: 1s
                        successRatio: ">= 90%"
                method:
                  - name: inventory-outage
                    fault:
                      proxy: inventory
                      toxic: down
                      duration: 1500ms
                recovery:
                  within: 4s
                slo:
                  objective: 99.9%
                  window: 30d
                """);
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
