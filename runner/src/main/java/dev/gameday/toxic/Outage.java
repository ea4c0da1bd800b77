package dev.gameday.toxic;

import java.util.List;
import java.util.Map;

/** {@code down}: the proxy disabled — its listener closed, its connections cut — until the fault ends. */
public final class Outage implements FaultKind {
    @Override
    public String name() {
        return "down";
    }

    @Override
    public String description() {
        return "an outage: the proxy is disabled, open connections are closed and new ones refused";
    }

    @Override
    public List<Attribute> attributes() {
        return List.of();
    }

    @Override
    public String describe(Map<String, Long> attributes) {
        return "an outage (proxy disabled)";
    }

    @Override
    public List<Risk> risks() {
        return List.of(
                new Risk("Failover does not happen, or flaps", "failover events; traffic on replicas"),
                new Risk("Circuit breakers do not open (or never close again)", "breaker state; rejected calls"),
                new Risk("Stale caches are served as fresh", "cache hit ratio; age of served data"),
                new Risk("Error pages reach users", "5xx rate; error page views; support tickets"));
    }

    @Override
    public boolean outage() {
        return true;
    }
}
