package dev.gameday.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runner's reader of proxy traffic, against Toxiproxy's own output format and real HTTP servers. */
class ProxyTrafficTest {

    /** As a Toxiproxy 2.8 server with -proxy-metrics writes it (the Go Prometheus client's text format). */
    private static final String TOXIPROXY_2_8 = """
            # HELP toxiproxy_proxy_received_bytes_total\s
            # TYPE toxiproxy_proxy_received_bytes_total counter
            toxiproxy_proxy_received_bytes_total{direction="downstream",listener="[::]:8666",proxy="shop",upstream="shop:8080"} 1.234567e+06
            toxiproxy_proxy_received_bytes_total{direction="upstream",listener="[::]:8666",proxy="shop",upstream="shop:8080"} 1.1e1
            toxiproxy_proxy_received_bytes_total{direction="upstream",listener="[::]:8667",proxy="shop",upstream="shop:9090"} 4
            toxiproxy_proxy_received_bytes_total{direction="downstream",listener="[::]:8668",proxy="cart",upstream="cart:80"} 0
            # HELP toxiproxy_proxy_sent_bytes_total\s
            # TYPE toxiproxy_proxy_sent_bytes_total counter
            toxiproxy_proxy_sent_bytes_total{direction="downstream",listener="[::]:8666",proxy="shop",upstream="shop:8080"} 1000
            toxiproxy_proxy_sent_bytes_total{upstream="shop:8080",proxy="shop",listener="[::]:8666",direction="upstream"} 11
            # HELP go_goroutines Number of goroutines that currently exist.
            # TYPE go_goroutines gauge
            go_goroutines 12
            """;

    @Test
    void parsesToxiproxysFormatSummingSeriesOfOneProxy() {
        Map<String, ProxyTraffic> traffic = ProxyTraffic.parse(TOXIPROXY_2_8).orElseThrow();
        assertThat(traffic).containsOnlyKeys("shop", "cart");
        assertThat(traffic.get("shop")).isEqualTo(new ProxyTraffic(null, 15, 11, 1_234_567, 1000));
        assertThat(traffic.get("cart")).isEqualTo(new ProxyTraffic(null, 0, 0, 0, 0));
        assertThat(traffic.get("shop").carriedTraffic()).isTrue();
        assertThat(traffic.get("cart").carriedTraffic()).isFalse();
    }

    @Test
    void readsEscapedLabelsTimestampsAndConnections() {
        String text = """
                gameday_proxy_accepted_connections_total{listener="127.0.0.1:1",proxy="a\\"b\\\\c",upstream="x:1"} 3
                toxiproxy_proxy_received_bytes_total{proxy="a\\"b\\\\c", direction="upstream"} 5 1700000000000
                toxiproxy_proxy_received_bytes_total{proxy="other",direction="sideways"} 9
                """;
        Map<String, ProxyTraffic> traffic = ProxyTraffic.parse(text).orElseThrow();
        assertThat(traffic.get("a\"b\\c")).isEqualTo(new ProxyTraffic(3L, 5, 0, 0, 0));
        assertThat(traffic).doesNotContainKey("other");
    }

    @Test
    void noProxySeriesIsNoMetrics() {
        assertThat(ProxyTraffic.parse("# TYPE go_goroutines gauge\ngo_goroutines 12\n")).isEmpty();
        assertThat(ProxyTraffic.parse("")).isEmpty();
    }

    @Test
    void minusAndCarriedTraffic() {
        ProxyTraffic before = new ProxyTraffic(2L, 10, 10, 20, 20);
        ProxyTraffic after = new ProxyTraffic(3L, 15, 12, 20, 20);
        assertThat(after.minus(before)).isEqualTo(new ProxyTraffic(1L, 5, 2, 0, 0));
        assertThat(before.minus(before).carriedTraffic()).isFalse();
        assertThat(new ProxyTraffic(1L, 0, 0, 0, 0).carriedTraffic()).isTrue();
        assertThat(new ProxyTraffic(null, 0, 0, 1, 0).carriedTraffic()).isTrue();
        assertThat(new ProxyTraffic(null, 0, 0, 0, 0).minus(before).connectionsAccepted()).isNull();
    }

    @Test
    void aServerWithoutMetricsIsEmptyAndAnUnreachableOneThrows() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer http = vertx.createHttpServer()
                    .requestHandler(request -> request.response().setStatusCode(request.path().equals("/metrics") ? 404 : 500).end())
                    .listen(0, "127.0.0.1").await();
            // A fresh server's first answer can take the read's 2 s while classes side by side warm up
            // their JVM on two cores: it is asked once without a deadline first.
            ToxiproxyHttp.call("GET", URI.create("http://127.0.0.1:" + http.actualPort() + "/"), null, 60_000, 60_000);
            assertThat(ProxyTraffic.read(URI.create("http://127.0.0.1:" + http.actualPort()))).isEmpty();
        } finally {
            vertx.close().await();
        }
        int closed;
        try (ServerSocket gone = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            closed = gone.getLocalPort();
        }
        assertThatThrownBy(() -> ProxyTraffic.read(URI.create("http://127.0.0.1:" + closed))).isInstanceOf(IOException.class);
    }
}
