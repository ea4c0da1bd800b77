package dev.gameday.fault;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one proxy of a Toxiproxy server has carried, read from the server's {@code /metrics}: the proof
 * that a fault was on the traffic path. Works against Gameday's embedded proxy and against a real
 * Toxiproxy started with {@code -proxy-metrics} (which does not count connections: then
 * {@code connectionsAccepted} is null). "Upstream" is client to upstream server, "downstream" the way
 * back; "received" is what the proxy read, "sent" what it wrote after its toxics.
 */
public record ProxyTraffic(Long connectionsAccepted, long upstreamReceivedBytes, long upstreamSentBytes,
        long downstreamReceivedBytes, long downstreamSentBytes) {

    private static final int TIMEOUT_MS = 2000;
    private static final String BYTES_PREFIX = "toxiproxy_proxy_";
    private static final String RECEIVED = "toxiproxy_proxy_received_bytes_total";
    private static final String SENT = "toxiproxy_proxy_sent_bytes_total";
    private static final String ACCEPTED = "gameday_proxy_accepted_connections_total";

    /**
     * The counters of every proxy the server reports, by proxy name; empty when the server exposes no
     * proxy metrics (404, as Toxiproxy without {@code -proxy-metrics}, or no proxy series at all). A
     * proxy missing from the map has carried nothing the server counted (real Toxiproxy creates a
     * proxy's series at its first byte). Throws when the server cannot be reached or answers otherwise.
     */
    public static Optional<Map<String, ProxyTraffic>> read(URI toxiproxyUrl) throws IOException {
        URI metrics = URI.create(toxiproxyUrl.toString().replaceAll("/+$", "") + "/metrics");
        ToxiproxyHttp.Answer response = ToxiproxyHttp.call("GET", metrics, null, TIMEOUT_MS, TIMEOUT_MS);
        if (response.status() == 404) {
            return Optional.empty();
        }
        if (response.status() != 200) {
            throw new IOException("GET " + metrics + " answered HTTP " + response.status());
        }
        return parse(response.body());
    }

    /**
     * Parses the Prometheus text format: labels in any order, values such as {@code 1.1e1}, several
     * series of one proxy (Toxiproxy keeps one per listener and upstream it has had) summed.
     */
    public static Optional<Map<String, ProxyTraffic>> parse(String exposition) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        boolean anyBytes = false;
        boolean countsConnections = false;
        for (String line : exposition.split("\n")) {
            line = line.strip();
            if (line.startsWith("# TYPE ")) {
                String family = line.substring("# TYPE ".length()).split(" ", 2)[0];
                anyBytes |= family.startsWith(BYTES_PREFIX);
                countsConnections |= family.equals(ACCEPTED);
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Sample sample = Sample.parse(line);
            if (sample == null || sample.proxy == null) {
                continue;
            }
            int slot = switch (sample.name) {
                case ACCEPTED -> 0;
                case RECEIVED -> "upstream".equals(sample.direction) ? 1 : "downstream".equals(sample.direction) ? 3 : -1;
                case SENT -> "upstream".equals(sample.direction) ? 2 : "downstream".equals(sample.direction) ? 4 : -1;
                default -> -1;
            };
            if (slot < 0) {
                continue;
            }
            anyBytes |= slot > 0;
            countsConnections |= slot == 0;
            sums.computeIfAbsent(sample.proxy, p -> new long[5])[slot] += sample.value;
        }
        if (!anyBytes) {
            return Optional.empty();
        }
        Map<String, ProxyTraffic> traffic = new LinkedHashMap<>();
        boolean connections = countsConnections;
        sums.forEach((proxy, s) -> traffic.put(proxy, new ProxyTraffic(connections ? s[0] : null, s[1], s[2], s[3], s[4])));
        return Optional.of(traffic);
    }

    /** What was carried between {@code earlier} and this reading. */
    public ProxyTraffic minus(ProxyTraffic earlier) {
        Long connections = connectionsAccepted == null || earlier.connectionsAccepted == null
                ? null : connectionsAccepted - earlier.connectionsAccepted;
        return new ProxyTraffic(connections, upstreamReceivedBytes - earlier.upstreamReceivedBytes,
                upstreamSentBytes - earlier.upstreamSentBytes, downstreamReceivedBytes - earlier.downstreamReceivedBytes,
                downstreamSentBytes - earlier.downstreamSentBytes);
    }

    /** Whether any connection was accepted or any byte received in either direction. */
    public boolean carriedTraffic() {
        return (connectionsAccepted != null && connectionsAccepted > 0)
                || upstreamReceivedBytes > 0 || downstreamReceivedBytes > 0;
    }

    /** One line {@code name{label="value",...} value [timestamp]}, keeping only the labels read here. */
    private record Sample(String name, String proxy, String direction, long value) {

        static Sample parse(String line) {
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            if (brace < 0 || (space >= 0 && space < brace)) {
                return null; // no labels: no proxy
            }
            String name = line.substring(0, brace).strip();
            String proxy = null;
            String direction = null;
            int i = brace + 1;
            while (i < line.length() && line.charAt(i) != '}') {
                int equals = line.indexOf('=', i);
                if (equals < 0 || equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
                    return null;
                }
                String label = line.substring(i, equals).strip();
                StringBuilder value = new StringBuilder();
                int j = equals + 2;
                for (; j < line.length() && line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\' && j + 1 < line.length()) {
                        char escaped = line.charAt(++j);
                        value.append(escaped == 'n' ? '\n' : escaped);
                    } else {
                        value.append(c);
                    }
                }
                if (j >= line.length()) {
                    return null;
                }
                if (label.equals("proxy")) {
                    proxy = value.toString();
                } else if (label.equals("direction")) {
                    direction = value.toString();
                }
                i = j + 1;
                while (i < line.length() && (line.charAt(i) == ',' || line.charAt(i) == ' ')) {
                    i++;
                }
            }
            if (i >= line.length()) {
                return null;
            }
            String[] rest = line.substring(i + 1).strip().split("\\s+");
            try {
                double value = Double.parseDouble(rest[0]);
                return Double.isFinite(value) ? new Sample(name, proxy, direction, Math.round(value)) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
