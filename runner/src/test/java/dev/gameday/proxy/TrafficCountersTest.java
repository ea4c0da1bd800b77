package dev.gameday.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.fault.ProxyTraffic;
import dev.gameday.testing.OwnThread;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The traffic counters of the embedded proxy, through the JSON API and {@code /metrics}, with real traffic. */
class TrafficCountersTest extends EmbeddedProxyTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode traffic(String proxy) throws Exception {
        HttpResponse<String> response = get("/proxies/" + proxy);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).get("traffic");
    }

    private void assertTraffic(String proxy, long accepted, long up, long down) throws Exception {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode traffic = traffic(proxy);
            assertThat(traffic.get("connectionsAccepted").asLong()).isEqualTo(accepted);
            assertThat(traffic.get("upstream").get("receivedBytes").asLong()).isEqualTo(up);
            assertThat(traffic.get("upstream").get("sentBytes").asLong()).isEqualTo(up);
            assertThat(traffic.get("downstream").get("receivedBytes").asLong()).isEqualTo(down);
            assertThat(traffic.get("downstream").get("sentBytes").asLong()).isEqualTo(down);
        });
    }

    private static void echo(Socket socket, int size) throws Exception {
        byte[] data = Tcp.payload(size);
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try {
                socket.getOutputStream().write(data);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, OwnThread.EXECUTOR);
        assertThat(Tcp.read(socket, size)).isEqualTo(data);
        writing.get(10, TimeUnit.SECONDS);
    }

    @Test
    void countsConnectionsAndBytesEachWay() throws Exception {
        Proxy proxy = echoProxy("counted");
        assertTraffic("counted", 0, 0, 0);
        try (Socket socket = Tcp.connect(proxy.getListen())) {
            echo(socket, 300_000);
            assertTraffic("counted", 1, 300_000, 300_000);
            echo(socket, 1_000);
            assertTraffic("counted", 1, 301_000, 301_000);
        }
        try (Socket socket = Tcp.connect(proxy.getListen())) {
            echo(socket, 10);
            assertTraffic("counted", 2, 301_010, 301_010);
        }
    }

    @Test
    void toxicsShowAsReceivedButNotSent() throws Exception {
        Proxy proxy = echoProxy("swallowing");
        proxy.toxics().limitData("cut", ToxicDirection.DOWNSTREAM, 100);
        try (Socket socket = Tcp.connect(proxy.getListen())) {
            socket.getOutputStream().write(Tcp.payload(1_000));
            assertThat(Tcp.readToEnd(socket)).hasSize(100);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode traffic = traffic("swallowing");
            // the connection closes at the limit: what else was read by then depends on timing
            assertThat(traffic.get("upstream").get("receivedBytes").asLong()).isBetween(100L, 1_000L);
            assertThat(traffic.get("downstream").get("receivedBytes").asLong()).isBetween(100L, 1_000L);
            assertThat(traffic.get("downstream").get("sentBytes").asLong()).isEqualTo(100);
        });
    }

    @Test
    void countersSurviveDisableAndToxicChangesAndStandStillWhileDisabled() throws Exception {
        Proxy proxy = echoProxy("kept");
        String listen = proxy.getListen();
        try (Socket socket = Tcp.connect(listen)) {
            echo(socket, 500);
        }
        assertTraffic("kept", 1, 500, 500);
        proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 1).remove();
        proxy.disable();
        assertThatThrownBy(() -> Tcp.connect(listen).close()).isInstanceOf(ConnectException.class);
        assertTraffic("kept", 1, 500, 500);
        proxy.enable();
        assertTraffic("kept", 1, 500, 500);
        try (Socket socket = Tcp.connect(listen)) {
            echo(socket, 20);
        }
        assertTraffic("kept", 2, 520, 520);
    }

    @Test
    void aRecreatedProxyStartsAtZero() throws Exception {
        Proxy proxy = echoProxy("again");
        try (Socket socket = Tcp.connect(proxy.getListen())) {
            echo(socket, 64);
        }
        assertTraffic("again", 1, 64, 64);
        proxy.delete();
        echoProxy("again");
        assertTraffic("again", 0, 0, 0);
    }

    @Test
    void theToxiproxyJavaClientIgnoresTheExtraField() throws Exception {
        Proxy proxy = echoProxy("client");
        try (Socket socket = Tcp.connect(proxy.getListen())) {
            echo(socket, 64);
        }
        assertThat(traffic("client").get("connectionsAccepted").asLong()).isEqualTo(1);
        Proxy read = client.getProxy("client");
        assertThat(read.getName()).isEqualTo("client");
        assertThat(read.getListen()).isEqualTo(proxy.getListen());
        assertThat(read.getUpstream()).isEqualTo(upstream.address());
        assertThat(read.isEnabled()).isTrue();
        assertThat(client.getProxies()).extracting(Proxy::getName).containsExactly("client");
        read.disable();
        assertThat(client.getProxy("client").isEnabled()).isFalse();
    }

    @Test
    void metricsUseToxiproxysNamesAndLabelsWithEverySeriesAtZeroToo() throws Exception {
        Proxy proxy = echoProxy("inventory");
        String labels = "listener=\"" + proxy.getListen() + "\",proxy=\"inventory\",upstream=\"" + upstream.address() + "\"";
        HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(response.body()).contains(
                "# TYPE toxiproxy_proxy_received_bytes_total counter\n",
                "# TYPE toxiproxy_proxy_sent_bytes_total counter\n",
                "# TYPE gameday_proxy_accepted_connections_total counter\n",
                "toxiproxy_proxy_received_bytes_total{direction=\"upstream\"," + labels + "} 0\n",
                "toxiproxy_proxy_received_bytes_total{direction=\"downstream\"," + labels + "} 0\n",
                "toxiproxy_proxy_sent_bytes_total{direction=\"upstream\"," + labels + "} 0\n",
                "toxiproxy_proxy_sent_bytes_total{direction=\"downstream\"," + labels + "} 0\n",
                "gameday_proxy_accepted_connections_total{" + labels + "} 0\n");
        try (Socket socket = Tcp.connect(proxy.getListen())) {
            echo(socket, 1234);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/metrics").body()).contains(
                "toxiproxy_proxy_received_bytes_total{direction=\"upstream\"," + labels + "} 1234\n",
                "toxiproxy_proxy_sent_bytes_total{direction=\"downstream\"," + labels + "} 1234\n",
                "gameday_proxy_accepted_connections_total{" + labels + "} 1\n"));
    }

    @Test
    void theRunnersReaderParsesTheEmbeddedMetrics() throws Exception {
        assertThat(ProxyTraffic.read(URI.create(server.url()))).hasValue(Map.of());
        Proxy quiet = echoProxy("quiet");
        Proxy busy = echoProxy("busy");
        try (Socket socket = Tcp.connect(busy.getListen())) {
            echo(socket, 777);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, ProxyTraffic> traffic = ProxyTraffic.read(URI.create(server.url() + "/")).orElseThrow();
            assertThat(traffic).containsOnlyKeys("quiet", "busy");
            assertThat(traffic.get("quiet")).isEqualTo(new ProxyTraffic(0L, 0, 0, 0, 0));
            assertThat(traffic.get("quiet").carriedTraffic()).isFalse();
            assertThat(traffic.get("busy")).isEqualTo(new ProxyTraffic(1L, 777, 777, 777, 777));
            assertThat(traffic.get("busy").carriedTraffic()).isTrue();
        });
        assertThat(quiet.getName()).isEqualTo("quiet");
    }
}
