package dev.gameday.demo;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * What a demo service tells Prometheus, through Micrometer: every request it answers, timed into
 * {@code http_server_requests_seconds} (a histogram, with {@code _bucket}, {@code _count} and
 * {@code _sum} series) by {@code method}, route {@code uri} ({@code /products/:id}) and {@code status};
 * {@code GET /metrics} serves them in Prometheus's text format. One registry per service.
 */
final class DemoMetrics {
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private DemoMetrics() {}

    /** Times every request of {@code router} from here on and adds {@code GET /metrics}. */
    static void install(Router router) {
        DemoMetrics metrics = new DemoMetrics();
        router.route().handler(metrics::time);
        router.get("/metrics").handler(rc -> rc.response()
                .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                .end(metrics.registry.scrape()));
    }

    private void time(RoutingContext rc) {
        long start = System.nanoTime();
        rc.addBodyEndHandler(v -> {
            Route route = rc.currentRoute();
            String uri = route == null || route.getPath() == null ? "UNKNOWN" : route.getPath();
            if (uri.equals("/metrics")) {
                return; // the scrapes themselves are no traffic of the service
            }
            Timer.builder("http.server.requests")
                    .tag("method", rc.request().method().name())
                    .tag("uri", uri)
                    .tag("status", String.valueOf(rc.response().getStatusCode()))
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry)
                    .record(Duration.ofNanos(System.nanoTime() - start));
        });
        rc.next();
    }
}
