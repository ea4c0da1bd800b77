package dev.gameday.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Bad input, busy ports, dead upstreams, many connections, and nothing leaked. */
@Isolated("counts the JVM's threads and open files, which every test shares")
class ProxyRobustnessTest extends EmbeddedProxyTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private JsonNode post(String path, String body, int expectedStatus) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(body).isEqualTo(expectedStatus);
        JsonNode json = new ObjectMapper().readTree(response.body());
        if (expectedStatus >= 400) {
            assertThat(json.get("status").asInt()).isEqualTo(expectedStatus);
        }
        return json;
    }

    @Test
    void runsOnTheTransportAskedFor() {
        String asked = transport().isBlank() ? System.getProperty(dev.gameday.proxy.net.Transport.PROPERTY, "") : transport();
        boolean epoll = io.netty.channel.epoll.Epoll.isAvailable();
        assertThat(server.transport()).isEqualTo(asked.isEmpty() ? (epoll ? "epoll" : "nio") : asked);
    }

    @Test
    void rejectsBadInputWithA400SayingWhy() throws Exception {
        echoProxy("bad");
        assertThat(post("/proxies", "not json", 400).get("error").asText()).startsWith("bad request body");
        assertThat(post("/proxies", "", 400).get("error").asText()).isEqualTo("bad request body: EOF");
        assertThat(post("/proxies", "[1]", 400).get("error").asText()).startsWith("bad request body");
        assertThat(post("/proxies", "{\"name\":\"x\"}", 400).get("error").asText()).isEqualTo("missing required field: upstream");
        assertThat(post("/proxies", "{\"name\":\"x\",\"upstream\":\"nowhere\"}", 400).get("error").asText()).contains("upstream");
        assertThat(post("/proxies", "{\"name\":\"x\",\"upstream\":\"127.0.0.1:1\",\"enabled\":\"yes\"}", 400).get("error").asText())
                .contains("enabled");
        assertThat(post("/proxies/bad/toxics", "{\"type\":\"packet_loss\"}", 400).get("error").asText()).isEqualTo("invalid toxic type");
        assertThat(post("/proxies/bad/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":-5}}", 400).get("error").asText())
                .contains("latency").contains("negative");
        assertThat(post("/proxies/bad/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":1.5}}", 400).get("error").asText())
                .contains("integer");
        assertThat(post("/proxies/bad/toxics", "{\"type\":\"bandwidth\",\"attributes\":{\"rate\":\"fast\"}}", 400).get("error").asText())
                .contains("rate");
        assertThat(post("/proxies/bad/toxics", "{\"type\":\"latency\",\"toxicity\":2}", 400).get("error").asText()).contains("toxicity");
        assertThat(post("/proxies/bad/toxics", "{\"type\":\"latency\",\"attributes\":[]}", 400).get("error").asText()).contains("attributes");
        post("/proxies/bad/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":5}}", 200);
        assertThat(post("/proxies/bad/toxics/latency_downstream", "{\"attributes\":{\"jitter\":-1}}", 400).get("error").asText())
                .contains("jitter");
        assertThat(post("/populate", "{\"name\":\"x\"}", 400).get("error").asText()).contains("array");
        assertThat(client.getProxy("bad").toxics().getAll()).hasSize(1);
    }

    @Test
    void aBusyListenPortIsA500AndTheRestKeepsWorking() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String address = "127.0.0.1:" + busy.getLocalPort();
            JsonNode error = post("/proxies", "{\"name\":\"clash\",\"listen\":\"" + address + "\",\"upstream\":\"" + upstream.address() + "\"}", 500);
            assertThat(error.get("error").asText()).isEqualTo("listen tcp " + address + ": bind: address already in use");
            assertThat(client.getProxyOrNull("clash")).isNull();
        }
        Proxy first = echoProxy("first");
        JsonNode again = post("/proxies", "{\"name\":\"second\",\"listen\":\"" + first.getListen() + "\",\"upstream\":\"" + upstream.address() + "\"}", 500);
        assertThat(again.get("error").asText()).contains("address already in use");
        try (Socket socket = Tcp.connect(first.getListen())) {
            socket.getOutputStream().write("ok".getBytes());
            assertThat(Tcp.read(socket, 2)).isEqualTo("ok".getBytes());
        }
    }

    @Test
    void aBusyApiPortFailsStartWithAClearMessage() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> join(EmbeddedToxiproxy.start(vertx, "127.0.0.1", busy.getLocalPort())))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + busy.getLocalPort() + ": ")
                    .hasMessageContaining("address already in use");
        }
        assertThatThrownBy(() -> join(EmbeddedToxiproxy.start(vertx, "127.0.0.1", server.port())))
                .hasMessageContaining("address already in use");
        assertThat(client.version()).isNotBlank();
    }

    @Test
    void aRefusingUpstreamClosesTheClientPromptly() throws Exception {
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            closedPort = gone.getLocalPort();
        }
        Proxy proxy = client.createProxy("refused", "127.0.0.1:0", "127.0.0.1:" + closedPort);
        try (Socket socket = Tcp.connect(proxy.getListen())) {
            long start = System.nanoTime();
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000);
        }
    }

    @Test
    void aThousandConcurrentConnectionsEachEchoCorrectly() throws Exception {
        Proxy proxy = echoProxy("crowd");
        int port = Integer.parseInt(proxy.getListen().substring(proxy.getListen().lastIndexOf(':') + 1));
        NetClient netClient = vertx.createNetClient(new NetClientOptions().setConnectTimeout(30_000));
        try {
            List<Future<Boolean>> echoes = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                echoes.add(echoOnce(netClient, port, ("connection " + i + " ").repeat(20)));
            }
            join(Future.all(echoes));
            assertThat(echoes).allMatch(f -> f.result());
        } finally {
            join(netClient.close());
        }
    }

    private Future<Boolean> echoOnce(NetClient netClient, int port, String message) {
        Promise<Boolean> result = Promise.promise();
        netClient.connect(port, "127.0.0.1").onFailure(result::fail).onSuccess(socket -> {
            Buffer received = Buffer.buffer();
            socket.handler(data -> {
                received.appendBuffer(data);
                if (received.length() >= message.length()) {
                    result.tryComplete(received.toString().equals(message));
                    socket.close();
                }
            });
            socket.closeHandler(v -> result.tryComplete(false));
            socket.write(message);
        });
        return result.future();
    }

    @Test
    void leavesNoSocketsOrThreadsBehind() throws Exception {
        exercise();
        long fdsBefore = openFileDescriptors();
        int threadsBefore = Thread.activeCount();
        exercise();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(openFileDescriptors()).isLessThanOrEqualTo(fdsBefore + 20);
            assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore + 4);
        });
    }

    /** A second server with proxies, toxics and open connections, then closed as a whole. */
    private void exercise() throws Exception {
        EmbeddedToxiproxy other = join(EmbeddedToxiproxy.start(vertx, "127.0.0.1", 0));
        eu.rekawek.toxiproxy.ToxiproxyClient otherClient = new eu.rekawek.toxiproxy.ToxiproxyClient("127.0.0.1", other.port());
        List<Socket> open = new ArrayList<>();
        try {
            for (int p = 0; p < 5; p++) {
                Proxy proxy = otherClient.createProxy("p" + p, "127.0.0.1:0", upstream.address());
                proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 5);
                proxy.toxics().slowClose("slow", ToxicDirection.UPSTREAM, 10_000);
                for (int c = 0; c < 20; c++) {
                    Socket socket = Tcp.connect(proxy.getListen());
                    socket.getOutputStream().write("x".getBytes());
                    assertThat(Tcp.read(socket, 1)).hasSize(1);
                    open.add(socket);
                }
            }
        } finally {
            join(other.close());
            for (Socket socket : open) {
                assertThat(socket.getInputStream().read()).isEqualTo(-1);
                socket.close();
            }
        }
    }

    private static long openFileDescriptors() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? 0 : fds.length;
    }
}
