package dev.gameday.hypothesis.internal;

import dev.gameday.hypothesis.TimedAttempt;
import dev.gameday.hypothesis.Format;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.experiment.HttpTarget;
import dev.gameday.experiment.ProbeTarget;
import dev.gameday.experiment.spi.HttpUrls;
import dev.gameday.experiment.spi.RequestHeaders;
import dev.gameday.experiment.spi.TargetFields;
import dev.gameday.hypothesis.spi.Outcome;
import dev.gameday.hypothesis.spi.ProbeAction;
import dev.gameday.hypothesis.spi.ProbeType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code type: http}: one request per sample with vertx-web-client; checks status, body and a JSONPath. */
public final class HttpProbe implements ProbeType {
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final List<String> EXPECT = List.of("status", "bodyContains", "jsonPath", "jsonEquals");

    /**
     * One keep-alive client shared by all HTTP probes of a Vert.x instance (Vert.x shares clients by
     * name). The pool is large because samples overlap when the target is slow: each in-flight sample
     * holds a connection, and a sample must never wait for one. In a holder, so that reading an
     * experiment ({@code validate}) loads no Vert.x class.
     */
    static final class Client {
        static final WebClientOptions OPTIONS = new WebClientOptions()
                .setShared(true)
                .setName("gameday-probes")
                .setUserAgent("gameday-probe")
                .setKeepAlive(true);
        static final PoolOptions POOL = new PoolOptions().setHttp1MaxSize(512);
    }

    /** For bodies checked with a JSONPath; in a holder too: the first ObjectMapper costs a cold start ~30 ms. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    @Override
    public String type() {
        return "http";
    }

    @Override
    public String description() {
        return "one HTTP request per sample; succeeds on the expected status, body text and JSONPath value";
    }

    @Override
    public List<String> keys() {
        return List.of("method", "url", "headers", "body", "expect");
    }

    @Override
    public boolean rollback() {
        return true;
    }

    @Override
    public ProbeTarget bind(TargetFields f) {
        String method = f.choice("method", METHODS, "GET");
        String url = f.requiredString("url", "the URL to call, e.g. http://127.0.0.1:8080/health");
        if (url != null) {
            try {
                HttpUrls.check(url, "send them in a header instead, e.g. headers: {Authorization: \"Basic ${secret:NAME}\"}");
            } catch (IllegalArgumentException e) {
                f.problem("url", e.getMessage());
            }
        }
        Map<String, String> headers = RequestHeaders.read(f, "headers");
        String body = f.string("body");
        TargetFields expect = f.fields("expect", EXPECT);
        List<Integer> status = new ArrayList<>();
        String bodyContains = null;
        String jsonPath = null;
        String jsonEquals = null;
        if (expect != null) {
            List<String> codes = expect.strings("status");
            for (int i = 0; i < codes.size(); i++) {
                try {
                    int c = Integer.parseInt(codes.get(i).strip());
                    if (c < 100 || c > 599) {
                        throw new NumberFormatException();
                    }
                    status.add(c);
                } catch (NumberFormatException e) {
                    expect.problem("status", i, "'" + codes.get(i) + "' is not an HTTP status (100..599)");
                }
            }
            bodyContains = expect.string("bodyContains");
            jsonPath = expect.string("jsonPath");
            jsonEquals = expect.string("jsonEquals");
            if (jsonPath != null && !jsonPath.startsWith("$")) {
                expect.problem("jsonPath", "'" + jsonPath + "' is not a JSON path: start it with $, e.g. $.status");
            } else if (jsonPath != null) {
                try {
                    JsonPath.parse(jsonPath);
                } catch (IllegalArgumentException e) {
                    expect.problem("jsonPath", e.getMessage());
                }
            }
            if (jsonEquals != null && jsonPath == null) {
                expect.problem("jsonEquals", "needs jsonPath: the value at that path is compared");
            }
        }
        return new HttpTarget(method, url, headers, body, status, bodyContains, jsonPath, jsonEquals);
    }

    @Override
    public ProbeAction open(Vertx vertx, ProbeTarget target, Duration timeout) {
        HttpTarget http = Targets.as(target, HttpTarget.class);
        HttpMethod method = HttpMethod.valueOf(
                http.method() == null ? "GET" : http.method().toUpperCase(Locale.ROOT));
        checkUrl(http.url());
        JsonPath path = http.jsonPath() == null ? null : JsonPath.parse(http.jsonPath());
        long deadlineMs = timeout.toMillis() + TimedAttempt.GRACE_MS;
        RequestOptions request = new RequestOptions()
                .setMethod(method)
                .setAbsoluteURI(http.url())
                .setConnectTimeout(deadlineMs)
                .setIdleTimeout(deadlineMs);
        http.headers().forEach(request::putHeader);
        return new Action(WebClient.create(vertx, Client.OPTIONS, Client.POOL), http, request, path);
    }

    static void checkUrl(String url) {
        URI uri;
        try {
            uri = url == null ? null : new URI(url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            // The URL is not echoed: it may hold a secret.
            throw new IllegalArgumentException("url must be an absolute http(s) URL with a host");
        }
    }

    /** {@code request} is parsed once; each attempt copies it. */
    private record Action(WebClient client, HttpTarget target, RequestOptions request, JsonPath path)
            implements ProbeAction {

        @Override
        public Future<Outcome> attempt() {
            HttpRequest<Buffer> request = client.request(this.request.getMethod(), this.request);
            Future<HttpResponse<Buffer>> response = target.body() == null
                    ? request.send()
                    : request.sendBuffer(Buffer.buffer(target.body()));
            return response.map(this::check);
        }

        private Outcome check(HttpResponse<Buffer> response) {
            int status = response.statusCode();
            List<Integer> expected = target.expectStatus();
            if (expected.isEmpty() ? status / 100 != 2 : !expected.contains(status)) {
                return Outcome.failed(status, "status " + status + ", expected " + (expected.isEmpty()
                        ? "2xx"
                        : expected.stream().map(String::valueOf).collect(Collectors.joining(" or "))));
            }
            String body = response.bodyAsString();
            if (target.bodyContains() != null && (body == null || !body.contains(target.bodyContains()))) {
                return Outcome.failed(status, "body lacks \"" + target.bodyContains() + "\"");
            }
            if (path != null) {
                String mismatch = jsonMismatch(body == null ? "" : body);
                if (mismatch != null) {
                    return Outcome.failed(status, mismatch);
                }
            }
            return Outcome.ok(status);
        }

        private String jsonMismatch(String body) {
            JsonNode root;
            try {
                root = Json.MAPPER.readTree(body);
            } catch (IOException e) {
                return "body is not JSON";
            }
            return path.mismatch(root, target.jsonEquals());
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
