package dev.gameday.plan.notify;

import java.time.Duration;

/**
 * How a webhook delivery is retried: up to {@code attempts} tries, waiting {@code first}, then twice as
 * long each time; each try gives up after {@code timeout}. A webhook that never answers costs the plan
 * nothing: deliveries run on their own event loop, and {@link Webhooks#close()} waits at most
 * {@code drain} for the last ones.
 */
public record Backoff(int attempts, Duration first, Duration timeout, Duration drain) {
    public static final Backoff DEFAULT = new Backoff(4, Duration.ofMillis(500), Duration.ofSeconds(5),
            Duration.ofSeconds(10));

    Duration delayBefore(int attempt) {
        return first.multipliedBy(1L << Math.min(20, attempt - 2));
    }
}
