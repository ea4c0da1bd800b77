package dev.gameday.proxy.api;

import dev.gameday.proxy.net.Proxy;
import dev.gameday.proxy.net.TrafficCounters;
import java.util.Collection;

/**
 * {@code GET /metrics}: the proxies' counters in the Prometheus text format 0.0.4, under Toxiproxy's
 * own names and labels ({@code toxiproxy -proxy-metrics}), so one reader works against both servers.
 * Unlike Toxiproxy every series of every proxy is written, 0 included, so "no traffic" reads
 * differently from "no metrics"; connections accepted are Gameday's own series.
 */
final class PrometheusMetrics {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final String RECEIVED = "toxiproxy_proxy_received_bytes_total";
    private static final String SENT = "toxiproxy_proxy_sent_bytes_total";
    private static final String ACCEPTED = "gameday_proxy_accepted_connections_total";

    private PrometheusMetrics() {}

    static String render(Collection<Proxy> proxies) {
        StringBuilder out = new StringBuilder();
        family(out, RECEIVED, "Bytes the proxy read, per direction (upstream: from clients; downstream: from the upstream server).");
        proxies.forEach(p -> {
            TrafficCounters.Totals t = p.traffic();
            series(out, RECEIVED, "upstream", p, t.upstreamReceived());
            series(out, RECEIVED, "downstream", p, t.downstreamReceived());
        });
        family(out, SENT, "Bytes the proxy wrote after its toxics, per direction (upstream: to the upstream server; downstream: to clients).");
        proxies.forEach(p -> {
            TrafficCounters.Totals t = p.traffic();
            series(out, SENT, "upstream", p, t.upstreamSent());
            series(out, SENT, "downstream", p, t.downstreamSent());
        });
        family(out, ACCEPTED, "Client connections the proxy accepted.");
        proxies.forEach(p -> series(out, ACCEPTED, null, p, p.traffic().connectionsAccepted()));
        return out.toString();
    }

    private static void family(StringBuilder out, String name, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" counter\n");
    }

    /** One sample; labels in Toxiproxy's (alphabetical) order. */
    private static void series(StringBuilder out, String name, String direction, Proxy proxy, long value) {
        out.append(name).append('{');
        if (direction != null) {
            label(out, "direction", direction).append(',');
        }
        label(out, "listener", proxy.listen()).append(',');
        label(out, "proxy", proxy.name()).append(',');
        label(out, "upstream", proxy.upstream());
        out.append("} ").append(value).append('\n');
    }

    /** A label with its value escaped as the format asks: backslash, double quote and line feed. */
    private static StringBuilder label(StringBuilder out, String name, String value) {
        out.append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"');
    }
}
