package dev.gameday.cli.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

/**
 * The smallest experiment that exercises a whole run: one HTTP probe at 10 samples/s through one
 * embedded proxy to a local target, one latency toxic on that proxy, steady state before and after.
 * The start-up archive's training runs it for a moment; the run bench for the lengths of issue 12.
 */
public record ProbeThroughProxy(Duration before, Duration fault, Duration after) {
    /** The experiment, as YAML, for a target on 127.0.0.1:{@code targetPort}; the proxy on a free port. */
    public String yaml(int targetPort) throws IOException {
        int proxyPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            proxyPort = s.getLocalPort();
        }
        return """
                version: 1
                title: One probe through one proxy
                hypothesis: The local target keeps answering 200 through the proxy while it is 50 ms slower.
                toxiproxy: embedded
                proxies:
                  - name: target
                    listen: 127.0.0.1:%2$d
                    upstream: 127.0.0.1:%1$d
                steadyState:
                  before: %3$dms
                  after: %5$dms
                  probes:
                    - name: page
                      type: http
                      url: http://127.0.0.1:%2$d/
                      interval: 100ms
                      timeout: 1s
                      expect:
                        status: [200]
                      tolerance:
                        window: %6$dms
                        successRatio: ">= 90%%"
                method:
                  - name: slow-target
                    fault:
                      proxy: target
                      toxic: latency
                      attributes:
                        latency: 50ms
                      duration: %4$dms
                """.formatted(targetPort, proxyPort, before.toMillis(), fault.toMillis(), after.toMillis(),
                Math.max(100, Math.min(before.toMillis(), after.toMillis())));
    }

    /** The configured phases: before + method + after. */
    public Duration phases() {
        return before.plus(fault).plus(after);
    }
}
