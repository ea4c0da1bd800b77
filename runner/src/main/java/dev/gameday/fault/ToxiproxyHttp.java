package dev.gameday.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One blocking call to a Toxiproxy server's HTTP API, with {@link HttpURLConnection} (as toxiproxy-java
 * makes its own). Not {@code java.net.http.HttpClient}: building one costs a cold JVM about 0.3 s (its
 * selector thread, and the JDK's default TLS context with every trusted certificate parsed) before a
 * plain-HTTP call to a local proxy. A call with a body is sent in fixed-length streaming mode, in which
 * the JDK never resends it on a dropped keep-alive connection: a toxic is added at most once.
 */
final class ToxiproxyHttp {
    /** The status and the body (the error stream for a 4xx/5xx) of one answer. */
    record Answer(int status, String body) {}

    private ToxiproxyHttp() {}

    static Answer call(String method, URI uri, String json, int connectTimeoutMs, int readTimeoutMs) throws IOException {
        // Direct, as java.net.http's default was: never through -Dhttp.proxyHost.
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        try {
            c.setRequestMethod(method);
            c.setConnectTimeout(connectTimeoutMs);
            c.setReadTimeout(readTimeoutMs);
            c.setUseCaches(false);
            if (json != null) {
                byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(bytes.length);
                c.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = c.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String body;
            if (in == null) {
                body = "";
            } else {
                try (in) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return new Answer(status, body);
        } catch (IOException e) {
            c.disconnect(); // a half-read connection must not go back to the keep-alive cache
            throw e;
        }
    }
}
