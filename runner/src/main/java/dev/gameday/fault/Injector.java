package dev.gameday.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.toxic.FaultKind;
import eu.rekawek.toxiproxy.Proxy;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Puts faults in place on a Toxiproxy server: any toxic through the HTTP API with its exact JSON
 * ({@code {"name","type","stream","toxicity","attributes"}}), whatever its kind — so a new toxic needs
 * no code here — and {@code down} by disabling the proxy. Blocking: call it on a worker thread.
 */
public final class Injector {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI server;

    public Injector(URI server) {
        this.server = server;
    }

    public ActiveFault inject(Proxy proxy, FaultKind kind, FaultRequest request) throws IOException {
        if (kind.outage()) {
            proxy.disable();
            return new ActiveFault() {
                @Override
                public void update(String attribute, long value) {
                    throw new IllegalArgumentException("an outage ('down') has no attribute to ramp");
                }

                @Override
                public void remove() throws IOException {
                    proxy.enable();
                }
            };
        }
        String toxics = "/proxies/" + path(proxy.getName()) + "/toxics";
        ObjectNode toxic = JSON.createObjectNode().put("name", request.toxicName()).put("type", kind.name())
                .put("stream", request.stream()).put("toxicity", request.toxicity());
        ObjectNode attributes = toxic.putObject("attributes");
        request.attributes().forEach(attributes::put);
        call("POST", toxics, toxic);
        String one = toxics + "/" + path(request.toxicName());
        return new ActiveFault() {
            @Override
            public void update(String attribute, long value) throws IOException {
                if (kind.attribute(attribute) == null) {
                    throw new IllegalArgumentException("toxic " + kind.name() + " has no attribute '" + attribute + "'");
                }
                ObjectNode change = JSON.createObjectNode();
                change.putObject("attributes").put(attribute, value);
                call("POST", one, change);
            }

            @Override
            public void remove() throws IOException {
                call("DELETE", one, null);
            }
        };
    }

    /** One call; 404 on a delete means already gone. Errors read as Toxiproxy says them: {@code [409] toxic already exists}. */
    private void call(String method, String path, JsonNode body) throws IOException {
        ToxiproxyHttp.Answer response = ToxiproxyHttp.call(method, server.resolve(path),
                body == null ? null : JSON.writeValueAsString(body),
                ToxiproxyClients.CONNECT_TIMEOUT_MS, ToxiproxyClients.READ_TIMEOUT_MS);
        int status = response.status();
        if (status / 100 == 2 || method.equals("DELETE") && status == 404) {
            return;
        }
        String error = response.body();
        try {
            error = JSON.readTree(error).path("error").asText(error);
        } catch (IOException notJson) {
            // Toxiproxy's error bodies are JSON; anything else is shown as it came.
        }
        throw new IOException("[" + status + "] " + error);
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
