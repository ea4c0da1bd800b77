package dev.gameday.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What curl users and hostile clients send the API: any Content-Type, huge bodies, out-of-range
 * attributes, names that could never be addressed again. Each gets a clear error in Toxiproxy's
 * shape, and nothing is logged with a stack trace.
 */
class ProxyApiInputTest extends EmbeddedProxyTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void noStackTraceWasLogged() {
        Logger.getLogger("").removeHandler(capture);
        synchronized (logged) {
            assertThat(logged).filteredOn(r -> r.getThrown() != null || r.getLevel().intValue() >= Level.SEVERE.intValue())
                    .extracting(LogRecord::getMessage).isEmpty();
        }
    }

    private record Reply(int status, JsonNode json) {}

    private Reply send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body().isBlank() ? null : JSON.readTree(response.body()));
    }

    private String error(String path, String body, int status) throws Exception {
        Reply reply = send("POST", path, null, body);
        assertThat(reply.status()).as(body).isEqualTo(status);
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        return reply.json().get("error").asText();
    }

    @Test
    void aJsonBodyIsJsonWhateverItsContentType() throws Exception {
        String form = "application/x-www-form-urlencoded";
        String padding = " ".repeat(4000);
        Reply created = send("POST", "/proxies", form,
                "{\"name\":\"curl\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + upstream.address() + "\"," + padding + "\"enabled\":true}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("name").asText()).isEqualTo("curl");
        Reply toxic = send("POST", "/proxies/curl/toxics", form,
                "{\"type\":\"latency\",\"attributes\":{\"latency\":7}," + padding + "\"stream\":\"upstream\"}");
        assertThat(toxic.status()).isEqualTo(200);
        assertThat(toxic.json().get("attributes").get("latency").asLong()).isEqualTo(7);
        assertThat(send("POST", "/proxies/curl/toxics/latency_upstream", "multipart/form-data; boundary=x",
                "{\"attributes\":{\"latency\":9}}").json().get("attributes").get("latency").asLong()).isEqualTo(9);
        assertThat(send("POST", "/proxies/curl", "text/plain", "{\"enabled\":false}").json().get("enabled").asBoolean()).isFalse();
        // a real form body is not JSON: a 400 saying so
        Reply formBody = send("POST", "/proxies", form, "name=x&upstream=" + URLEncoder.encode("127.0.0.1:1", StandardCharsets.UTF_8));
        assertThat(formBody.status()).isEqualTo(400);
        assertThat(formBody.json().get("error").asText()).startsWith("bad request body");
    }

    @Test
    void aBodyOverOneMebibyteIsA413() throws Exception {
        echoProxy("big");
        String huge = "{\"type\":\"latency\",\"x\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        Reply streamed = send("POST", "/proxies/big/toxics", "application/x-www-form-urlencoded", huge);
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(streamed.json().get("status").asInt()).isEqualTo(413);
        assertThat(streamed.json().get("error").asText()).contains("1048576");
        // declared too large: answered before the body is sent
        try (Socket socket = Tcp.connect("127.0.0.1:" + server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /proxies HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(statusLine(socket.getInputStream())).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
        }
        assertThat(client.getProxy("big").toxics().getAll()).isEmpty();
        assertThat(send("POST", "/proxies/big/toxics", null, "{\"type\":\"latency\"}").status()).isEqualTo(200);
    }

    private static String statusLine(InputStream in) throws Exception {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
            line.write(c);
        }
        return line.toString(StandardCharsets.US_ASCII).strip();
    }

    @Test
    void attributesOutOfRangeAreA400() throws Exception {
        echoProxy("ranges");
        String path = "/proxies/ranges/toxics";
        assertThat(error(path, "{\"type\":\"latency\",\"attributes\":{\"latency\":9223372036854775807}}", 400))
                .contains("latency").contains("at most 86400000");
        assertThat(error(path, "{\"type\":\"latency\",\"attributes\":{\"jitter\":9223372036854775807}}", 400)).contains("jitter");
        assertThat(error(path, "{\"type\":\"latency\",\"attributes\":{\"latency\":99999999999999999999}}", 400)).contains("integer");
        assertThat(error(path, "{\"type\":\"slicer\",\"attributes\":{\"size_variation\":9223372036854775807}}", 400))
                .contains("size_variation");
        assertThat(error(path, "{\"type\":\"slicer\",\"attributes\":{\"delay\":-1}}", 400)).contains("negative");
        assertThat(error(path, "{\"type\":\"bandwidth\",\"attributes\":{\"rate\":9223372036854775807}}", 400)).contains("rate");
        assertThat(error(path, "{\"type\":\"timeout\",\"attributes\":{\"timeout\":86400001}}", 400)).contains("timeout");
        assertThat(error(path, "{\"type\":\"slow_close\",\"attributes\":{\"delay\":86400001}}", 400)).contains("delay");
        assertThat(error(path, "{\"type\":\"reset_peer\",\"attributes\":{\"timeout\":-3}}", 400)).contains("timeout");
        assertThat(error(path, "{\"type\":\"latency\",\"toxicity\":1.5}", 400)).contains("toxicity");
        assertThat(error(path, "{\"type\":\"latency\",\"toxicity\":-0.1}", 400)).contains("toxicity");
        assertThat(error(path, "{\"type\":\"latency\",\"toxicity\":\"1\"}", 400)).contains("toxicity");
        assertThat(client.getProxy("ranges").toxics().getAll()).isEmpty();

        assertThat(send("POST", path, null, "{\"type\":\"latency\",\"attributes\":{\"latency\":86400000,\"jitter\":86400000}}").status())
                .isEqualTo(200);
        assertThat(send("POST", path, null, "{\"type\":\"limit_data\",\"attributes\":{\"bytes\":9223372036854775807}}").status())
                .isEqualTo(200);
        assertThat(error(path + "/latency_downstream", "{\"attributes\":{\"jitter\":86400001}}", 400)).contains("jitter");
        // the proxy still carries data through the 0 ms slicer it accepted at the largest sizes
        assertThat(send("POST", "/proxies/ranges/toxics/latency_downstream", null, "{\"attributes\":{\"latency\":0,\"jitter\":0}}").status())
                .isEqualTo(200);
        assertThat(send("POST", path, null,
                "{\"type\":\"slicer\",\"attributes\":{\"average_size\":2147483647,\"size_variation\":2147483647}}").status()).isEqualTo(200);
        try (Socket socket = Tcp.connect(client.getProxy("ranges").getListen())) {
            socket.getOutputStream().write("still fine".getBytes());
            assertThat(Tcp.read(socket, 10)).isEqualTo("still fine".getBytes());
        }
    }

    @Test
    void namesThatCouldNeverBeAddressedAgainAreRefused() throws Exception {
        String upstreamAddress = upstream.address();
        for (String name : List.of(".", "..", "a/b", "a?b", "a#b", "a%2Fb", "a b", "tab\t", "bell\u0007", "é", "x".repeat(65))) {
            String body = "{\"name\":" + JSON.writeValueAsString(name) + ",\"upstream\":\"" + upstreamAddress + "\"}";
            assertThat(error("/proxies", body, 400)).as(name).contains("proxy name").contains("1-64 characters");
            assertThat(error("/populate", "[" + body + "]", 400)).as(name).contains("at proxy 1");
        }
        assertThat(error("/proxies", "{\"name\":\"\",\"upstream\":\"" + upstreamAddress + "\"}", 400)).isEqualTo("missing required field: name");
        assertThat(client.getProxies()).isEmpty();

        String longest = "A-z.0_9".repeat(9) + "x";
        assertThat(longest).hasSize(64);
        assertThat(send("POST", "/proxies", null, "{\"name\":\"" + longest + "\",\"upstream\":\"" + upstreamAddress + "\"}").status())
                .isEqualTo(201);
        String toxics = "/proxies/" + longest + "/toxics";
        for (String name : List.of("..", "a/b", "a%b", "x".repeat(65))) {
            assertThat(error(toxics, "{\"type\":\"latency\",\"name\":" + JSON.writeValueAsString(name) + "}", 400))
                    .as(name).contains("toxic name");
        }
        assertThat(send("POST", toxics, null, "{\"type\":\"latency\",\"name\":\"..x\"}").status()).isEqualTo(200);
        assertThat(send("DELETE", toxics + "/..x", null, "").status()).isEqualTo(204);
        assertThat(send("DELETE", "/proxies/" + longest, null, "").status()).isEqualTo(204);
        assertThat(client.getProxies()).isEmpty();
    }

    @Test
    void malformedHttpIsRefusedWithoutAStackTrace() throws Exception {
        for (String request : List.of("GARBAGE\r\n\r\n", "GET /proxies HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n",
                "GET /" + "u".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                "POST /proxies HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")) {
            try (Socket socket = Tcp.connect("127.0.0.1:" + server.port())) {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                String status = statusLine(socket.getInputStream());
                assertThat(status).as(request.substring(0, Math.min(20, request.length()))).satisfiesAnyOf(
                        line -> assertThat(line).isEmpty(), line -> assertThat(line).matches("HTTP/1.[01] 4\\d\\d.*"));
            }
        }
        assertThat(client.getProxies()).isEmpty();
    }

    @Test
    void aMalformedPathIsAnErrorBodyNotAStackTrace() throws Exception {
        echoProxy("there");
        for (String request : List.of("GET /proxies/%zz HTTP/1.1", "DELETE /proxies/%C0%AF HTTP/1.1", "GET /proxies/there/toxics/%",
                "POST /proxies/%00 HTTP/1.1")) {
            try (Socket socket = Tcp.connect("127.0.0.1:" + server.port())) {
                socket.getOutputStream().write((request + "\r\nHost: x\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                assertThat(statusLine(socket.getInputStream())).as(request).matches("HTTP/1.[01] 4\\d\\d .*");
            }
        }
        assertThat(client.getProxy("there").getName()).isEqualTo("there");
    }
}
