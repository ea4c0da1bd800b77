package dev.gameday.report.premortem;

import java.util.List;
import java.util.Map;

/** What tends to go wrong under each kind of fault, and where to look: the risks Gameday adds for the team. */
final class DerivedRisks {
    record Risk(String risk, String watch) {}

    private static final Map<String, List<Risk>> BY_TOXIC = Map.of(
            "latency", List.of(
                    new Risk("Client timeouts fire in callers", "timeout errors in callers; p99 against each client's timeout"),
                    new Risk("Retry storms multiply load on the slow dependency", "request rate to the dependency; retries per request"),
                    new Risk("Thread or connection pools exhaust while waiting", "pool active/waiting counts; open connections"),
                    new Risk("Queues build up behind slow consumers", "queue depth; consumer lag")),
            "down", List.of(
                    new Risk("Failover does not happen, or flaps", "failover events; traffic on replicas"),
                    new Risk("Circuit breakers do not open (or never close again)", "breaker state; rejected calls"),
                    new Risk("Stale caches are served as fresh", "cache hit ratio; age of served data"),
                    new Risk("Error pages reach users", "5xx rate; error page views; support tickets")),
            "bandwidth", List.of(
                    new Risk("Large payloads time out while small ones pass", "latency by response size; download timeouts"),
                    new Risk("Bulk jobs fall behind", "job duration; backlog")),
            "reset_peer", List.of(
                    new Risk("Connection pools keep poisoned connections after the fault", "connection errors after removal; pool evictions"),
                    new Risk("Non-idempotent calls are retried twice", "duplicate writes; idempotency-key conflicts")),
            "limit_data", List.of(
                    new Risk("Truncated responses are parsed or cached as complete", "parse errors; content-length mismatches"),
                    new Risk("Partial uploads are treated as success", "checksum failures; incomplete records")),
            "timeout", List.of(
                    new Risk("Requests hang where no client timeout is set", "in-flight requests; blocked threads"),
                    new Risk("Sockets leak from connections that never close", "open file descriptors; established connections")),
            "slow_close", List.of(
                    new Risk("Sockets pile up half-closed", "CLOSE_WAIT/TIME_WAIT counts; pool size"),
                    new Risk("Shutdown and deploys stall on lingering connections", "graceful shutdown duration")),
            "slicer", List.of(
                    new Risk("Parsers that assume whole messages break on fragments", "protocol errors; parse failures"),
                    new Risk("Latency and CPU rise with many small packets", "latency; CPU of the caller")));

    private DerivedRisks() {}

    static List<Risk> forToxic(String toxic) {
        return BY_TOXIC.getOrDefault(toxic, List.of());
    }
}
