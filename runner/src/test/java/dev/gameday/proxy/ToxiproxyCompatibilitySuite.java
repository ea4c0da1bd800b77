package dev.gameday.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.LimitData;
import eu.rekawek.toxiproxy.model.toxic.ResetPeer;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import eu.rekawek.toxiproxy.model.toxic.SlowClose;
import eu.rekawek.toxiproxy.model.toxic.Timeout;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Toxiproxy API compatibility, run against Gameday's embedded proxy and against the real Toxiproxy
 * image by subclasses: the toxiproxy-java client through its whole API, and the raw JSON of each
 * endpoint. Only behaviour every Toxiproxy 2.x server shares is asserted here.
 */
abstract class ToxiproxyCompatibilitySuite {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String UPSTREAM = "127.0.0.1:9";

    protected ToxiproxyClient client;

    /** Host of the control API. */
    protected abstract String apiHost();

    /** Port of the control API. */
    protected abstract int apiPort();

    /** A listen address for the {@code i}-th proxy of a test (0-based) that the server can bind. */
    protected abstract String listen(int i);

    @BeforeEach
    void connectClient() throws IOException {
        client = new ToxiproxyClient(apiHost(), apiPort());
        deleteAll();
    }

    @AfterEach
    void deleteAll() throws IOException {
        for (Proxy proxy : client.getProxies()) {
            proxy.delete();
        }
    }

    record Reply(int status, JsonNode json, String body) {}

    protected Reply call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + apiHost() + ":" + apiPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        try {
            json = response.body().isBlank() ? null : JSON.readTree(response.body());
        } catch (IOException notJson) {
            // a plain-text body (e.g. an old /version): the caller checks body()
        }
        return new Reply(response.statusCode(), json, response.body());
    }

    private static void assertProxyShape(JsonNode proxy, String name, String upstream, boolean enabled) {
        assertThat(proxy.get("name").asText()).isEqualTo(name);
        assertThat(proxy.get("upstream").asText()).isEqualTo(upstream);
        assertThat(proxy.get("enabled").isBoolean()).isTrue();
        assertThat(proxy.get("enabled").asBoolean()).isEqualTo(enabled);
        assertThat(proxy.get("listen").asText()).matches(".+:\\d+").doesNotEndWith(":0");
        assertThat(proxy.get("toxics").isArray()).isTrue();
    }

    private static void assertToxicShape(JsonNode toxic, String name, String type, String stream, Map<String, Long> attributes) {
        assertThat(toxic.get("name").asText()).isEqualTo(name);
        assertThat(toxic.get("type").asText()).isEqualTo(type);
        assertThat(toxic.get("stream").asText()).isEqualTo(stream);
        assertThat(toxic.get("toxicity").isNumber()).isTrue();
        attributes.forEach((key, value) -> assertThat(toxic.get("attributes").get(key).asLong()).as(key).isEqualTo(value));
    }

    @Test
    void versionAnswers() throws Exception {
        assertThat(client.version()).isNotBlank();
        Reply reply = call("GET", "/version", null);
        assertThat(reply.status()).isEqualTo(200);
        String version = reply.json() != null && reply.json().has("version") ? reply.json().get("version").asText() : reply.body();
        assertThat(version).isNotBlank();
    }

    @Test
    void createsListsShowsAndDeletesProxies() throws Exception {
        Proxy proxy = client.createProxy("shop", listen(0), UPSTREAM);
        assertThat(proxy.getName()).isEqualTo("shop");
        assertThat(proxy.getUpstream()).isEqualTo(UPSTREAM);
        assertThat(proxy.isEnabled()).isTrue();
        assertThat(client.getProxies()).extracting(Proxy::getName).containsExactly("shop");

        Reply index = call("GET", "/proxies", null);
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.json().isObject()).isTrue();
        assertProxyShape(index.json().get("shop"), "shop", UPSTREAM, true);

        Reply show = call("GET", "/proxies/shop", null);
        assertThat(show.status()).isEqualTo(200);
        assertProxyShape(show.json(), "shop", UPSTREAM, true);
        assertThat(show.json().get("listen").asText()).isEqualTo(proxy.getListen());

        Reply created = call("POST", "/proxies", "{\"name\":\"cart\",\"listen\":\"" + listen(1) + "\",\"upstream\":\"" + UPSTREAM + "\"}");
        assertThat(created.status()).isEqualTo(201);
        assertProxyShape(created.json(), "cart", UPSTREAM, true);

        Reply duplicate = call("POST", "/proxies", "{\"name\":\"cart\",\"listen\":\"" + listen(2) + "\",\"upstream\":\"" + UPSTREAM + "\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("error").asText()).isEqualTo("proxy already exists");
        assertThat(duplicate.json().get("status").asInt()).isEqualTo(409);
        assertThatThrownBy(() -> client.createProxy("cart", listen(2), UPSTREAM)).hasMessageContaining("proxy already exists");

        assertThat(call("DELETE", "/proxies/cart", null).status()).isEqualTo(204);
        proxy.delete();
        Reply missing = call("GET", "/proxies/shop", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asText()).isEqualTo("proxy not found");
        assertThat(missing.json().get("status").asInt()).isEqualTo(404);
        assertThat(client.getProxyOrNull("shop")).isNull();
        assertThat(call("GET", "/proxies", null).json().size()).isZero();
    }

    @Test
    void everyToxicTypeThroughTheClient() throws Exception {
        Proxy proxy = client.createProxy("all", listen(0), UPSTREAM);
        Latency latency = proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 100).setJitter(10);
        Bandwidth bandwidth = proxy.toxics().bandwidth("bw", ToxicDirection.UPSTREAM, 1000);
        SlowClose slowClose = proxy.toxics().slowClose("sc", ToxicDirection.DOWNSTREAM, 300);
        Timeout timeout = proxy.toxics().timeout("to", ToxicDirection.UPSTREAM, 500);
        ResetPeer resetPeer = proxy.toxics().resetPeer("rp", ToxicDirection.DOWNSTREAM, 200);
        Slicer slicer = proxy.toxics().slicer("sl", ToxicDirection.DOWNSTREAM, 10, 20000).setSizeVariation(5);
        LimitData limitData = proxy.toxics().limitData("ld", ToxicDirection.UPSTREAM, 20);

        assertThat(latency.getLatency()).isEqualTo(100);
        assertThat(latency.getJitter()).isEqualTo(10);
        assertThat(bandwidth.getRate()).isEqualTo(1000);
        assertThat(slowClose.getDelay()).isEqualTo(300);
        assertThat(timeout.getTimeout()).isEqualTo(500);
        assertThat(resetPeer.getTimeout()).isEqualTo(200);
        assertThat(slicer.getAverageSize()).isEqualTo(10);
        assertThat(slicer.getSizeVariation()).isEqualTo(5);
        assertThat(slicer.getDelay()).isEqualTo(20000);
        assertThat(limitData.getBytes()).isEqualTo(20);

        List<? extends Toxic> all = proxy.toxics().getAll();
        assertThat(all).extracting(Toxic::getName).containsExactlyInAnyOrder("lat", "bw", "sc", "to", "rp", "sl", "ld");
        assertThat(proxy.toxics().get("lat", Latency.class).getLatency()).isEqualTo(100);

        Reply list = call("GET", "/proxies/all/toxics", null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().isArray()).isTrue();
        List<String> streams = new ArrayList<>();
        list.json().forEach(t -> streams.add(t.get("stream").asText()));
        assertThat(streams).containsExactly("upstream", "upstream", "upstream", "downstream", "downstream", "downstream", "downstream");
        assertToxicShape(call("GET", "/proxies/all/toxics/lat", null).json(), "lat", "latency", "downstream", Map.of("latency", 100L, "jitter", 10L));
        assertToxicShape(call("GET", "/proxies/all/toxics/bw", null).json(), "bw", "bandwidth", "upstream", Map.of("rate", 1000L));
        assertToxicShape(call("GET", "/proxies/all/toxics/sc", null).json(), "sc", "slow_close", "downstream", Map.of("delay", 300L));
        assertToxicShape(call("GET", "/proxies/all/toxics/to", null).json(), "to", "timeout", "upstream", Map.of("timeout", 500L));
        assertToxicShape(call("GET", "/proxies/all/toxics/rp", null).json(), "rp", "reset_peer", "downstream", Map.of("timeout", 200L));
        assertToxicShape(call("GET", "/proxies/all/toxics/sl", null).json(), "sl", "slicer", "downstream",
                Map.of("average_size", 10L, "size_variation", 5L, "delay", 20000L));
        assertToxicShape(call("GET", "/proxies/all/toxics/ld", null).json(), "ld", "limit_data", "upstream", Map.of("bytes", 20L));

        latency.setLatency(250);
        latency.setToxicity(0.5f);
        bandwidth.setRate(10);
        JsonNode updated = call("GET", "/proxies/all/toxics/lat", null).json();
        assertToxicShape(updated, "lat", "latency", "downstream", Map.of("latency", 250L, "jitter", 10L));
        assertThat(updated.get("toxicity").asDouble()).isEqualTo(0.5);
        assertThat(proxy.toxics().get("bw", Bandwidth.class).getRate()).isEqualTo(10);
        assertThat(call("GET", "/proxies/all", null).json().get("toxics").size()).isEqualTo(7);

        latency.remove();
        Reply gone = call("GET", "/proxies/all/toxics/lat", null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("error").asText()).isEqualTo("toxic not found");
        assertThat(call("DELETE", "/proxies/all/toxics/bw", null).status()).isEqualTo(204);
        assertThat(proxy.toxics().getAll()).hasSize(5);
    }

    @Test
    void toxicDefaultsAndErrors() throws Exception {
        client.createProxy("t", listen(0), UPSTREAM);
        Reply created = call("POST", "/proxies/t/toxics", "{\"type\":\"latency\"}");
        assertThat(created.status()).isEqualTo(200);
        assertToxicShape(created.json(), "latency_downstream", "latency", "downstream", Map.of("latency", 0L, "jitter", 0L));
        assertThat(created.json().get("toxicity").asDouble()).isEqualTo(1.0);

        Reply duplicate = call("POST", "/proxies/t/toxics", "{\"type\":\"latency\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("error").asText()).isEqualTo("toxic already exists");

        Reply invalidType = call("POST", "/proxies/t/toxics", "{\"type\":\"no_such_toxic\"}");
        assertThat(invalidType.status()).isEqualTo(400);
        assertThat(invalidType.json().get("error").asText()).isEqualTo("invalid toxic type");

        Reply invalidStream = call("POST", "/proxies/t/toxics", "{\"type\":\"latency\",\"stream\":\"sideways\"}");
        assertThat(invalidStream.status()).isEqualTo(400);
        assertThat(invalidStream.json().get("error").asText()).isEqualTo("stream was invalid, can be either upstream or downstream");

        Reply patched = call("PATCH", "/proxies/t/toxics/latency_downstream", "{\"attributes\":{\"jitter\":7}}");
        assertThat(patched.status()).isEqualTo(200);
        assertToxicShape(patched.json(), "latency_downstream", "latency", "downstream", Map.of("latency", 0L, "jitter", 7L));
        assertThat(patched.json().get("toxicity").asDouble()).isEqualTo(1.0);

        assertThat(call("POST", "/proxies/nope/toxics", "{\"type\":\"latency\"}").status()).isEqualTo(404);
        assertThat(call("GET", "/proxies/t/toxics/nope", null).status()).isEqualTo(404);
        assertThat(call("DELETE", "/proxies/t/toxics/nope", null).status()).isEqualTo(404);

        Reply noName = call("POST", "/proxies", "{\"upstream\":\"" + UPSTREAM + "\"}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("error").asText()).isEqualTo("missing required field: name");
        Reply malformed = call("POST", "/proxies", "{\"name\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("error").asText()).startsWith("bad request body");
    }

    @Test
    void disablesEnablesAndResets() throws Exception {
        Proxy proxy = client.createProxy("down", listen(0), UPSTREAM);
        proxy.disable();
        assertThat(call("GET", "/proxies/down", null).json().get("enabled").asBoolean()).isFalse();
        assertThat(client.getProxy("down").isEnabled()).isFalse();
        proxy.enable();
        assertThat(client.getProxy("down").isEnabled()).isTrue();

        Reply patched = call("PATCH", "/proxies/down", "{\"enabled\":false}");
        assertThat(patched.status()).isEqualTo(200);
        assertProxyShape(patched.json(), "down", UPSTREAM, false);

        proxy.toxics().latency("lat", ToxicDirection.UPSTREAM, 10);
        client.reset();
        JsonNode reset = call("GET", "/proxies/down", null).json();
        assertThat(reset.get("enabled").asBoolean()).isTrue();
        assertThat(reset.get("toxics").size()).isZero();
        assertThat(call("POST", "/reset", null).status()).isEqualTo(204);
        assertThat(client.getProxies()).hasSize(1);
    }

    @Test
    void populatesFromAnArray() throws Exception {
        String body = "[{\"name\":\"a\",\"listen\":\"" + listen(0) + "\",\"upstream\":\"" + UPSTREAM + "\"},"
                + "{\"name\":\"b\",\"listen\":\"" + listen(1) + "\",\"upstream\":\"" + UPSTREAM + "\",\"enabled\":false}]";
        Reply reply = call("POST", "/populate", body);
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("proxies").isArray()).isTrue();
        assertThat(reply.json().get("proxies")).hasSize(2);
        assertThat(client.getProxy("a").isEnabled()).isTrue();
        assertThat(client.getProxy("b").isEnabled()).isFalse();

        Reply missing = call("POST", "/populate", "[{\"name\":\"c\"}]");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").asText()).startsWith("missing required field: upstream");
        assertThat(client.getProxyOrNull("c")).isNull();
    }

    @Test
    void refusesBrowsers() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + apiHost() + ":" + apiPort() + "/proxies"))
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64)").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
    }
}
