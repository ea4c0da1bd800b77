package dev.gameday.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.fault.ProxyTraffic;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a run's Toxiproxy server says right now about the run's proxies: the faults in place (each
 * toxic, and a disabled proxy: an outage) and what each proxy has carried. Read from the server's own
 * API ({@code GET /proxies}, {@code GET /metrics}), never from the run. Blocking.
 */
record ProxyState(List<Fault> faults, List<Traffic> traffic, String problem) {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A fault in place: a toxic ({@code type}, its {@code stream} and attributes) or {@code down}. */
    record Fault(String proxy, String name, String type, String stream, JsonNode attributes) {}

    /** A proxy's counters; {@code connections} null when the server does not count them. */
    record Traffic(String proxy, Long connections, long upstreamBytes, long downstreamBytes) {}

    static ProxyState read(URI server, Set<String> proxies) {
        List<Fault> faults = new ArrayList<>();
        List<Traffic> traffic = new ArrayList<>();
        try {
            JsonNode all = proxies(server);
            for (String name : proxies) {
                JsonNode p = all.path(name);
                if (p.isMissingNode()) {
                    continue;
                }
                if (!p.path("enabled").asBoolean(true)) {
                    faults.add(new Fault(name, "(proxy disabled)", "down", null, MAPPER.createObjectNode()));
                }
                for (JsonNode t : p.path("toxics")) {
                    faults.add(new Fault(name, t.path("name").asText(), t.path("type").asText(),
                            t.path("stream").asText(null), t.path("attributes")));
                }
            }
            Optional<Map<String, ProxyTraffic>> counters = ProxyTraffic.read(server);
            counters.ifPresent(c -> proxies.forEach(name -> {
                ProxyTraffic t = c.get(name);
                if (t != null) {
                    traffic.add(new Traffic(name, t.connectionsAccepted(), t.upstreamSentBytes(),
                            t.downstreamSentBytes()));
                }
            }));
            return new ProxyState(faults, traffic, counters.isEmpty() ? "the server exposes no traffic counters" : null);
        } catch (IOException e) {
            return new ProxyState(faults, traffic, "cannot read Toxiproxy at " + server + ": " + e.getMessage());
        }
    }

    private static JsonNode proxies(URI server) throws IOException {
        URI uri = URI.create(server.toString().replaceAll("/+$", "") + "/proxies");
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("GET /proxies answered " + r.statusCode());
            }
            return MAPPER.readTree(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
