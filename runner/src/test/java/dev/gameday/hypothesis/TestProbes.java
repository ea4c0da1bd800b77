package dev.gameday.hypothesis;

import dev.gameday.experiment.CheckPhase;
import dev.gameday.judge.Comparison;
import dev.gameday.experiment.HttpTarget;
import dev.gameday.experiment.LatencyBound;
import dev.gameday.experiment.Probe;
import dev.gameday.experiment.ProbeTarget;
import dev.gameday.experiment.RatioBound;
import dev.gameday.experiment.Tolerance;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Probes and target servers for tests: real records and real listeners on 127.0.0.1. */
final class TestProbes {
    static final Tolerance TOLERANCE = new Tolerance(Duration.ofSeconds(2),
            new RatioBound(Comparison.GE, 0.99),
            List.of(new LatencyBound(95.0, Comparison.LE, Duration.ofMillis(800))));

    private TestProbes() {}

    static Probe probe(ProbeTarget target, Duration interval, Duration timeout) {
        return new Probe("p", interval, timeout, Set.of(CheckPhase.CONTINUOUSLY), target, TOLERANCE);
    }

    static Probe once(ProbeTarget target) {
        return probe(target, Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    static HttpTarget get(String url) {
        return new HttpTarget("GET", url, Map.of(), null, List.of(), null, null, null);
    }

    /** Starts an HTTP server on an ephemeral 127.0.0.1 port and returns the port. */
    static int serve(Vertx vertx, Handler<HttpServerRequest> handler) {
        return vertx.createHttpServer().requestHandler(handler).listen(0, "127.0.0.1").await().actualPort();
    }

    /** A port nothing listens on (bound once, then released). */
    static int closedPort(Vertx vertx) {
        var server = vertx.createNetServer().connectHandler(s -> {}).listen(0, "127.0.0.1").await();
        int port = server.actualPort();
        server.close().await();
        return port;
    }
}
