package dev.gameday.plan;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * A webhook: where (a secret: redacted wherever it would be shown), in what body shape, for which
 * events, and how long before a scheduled start the {@link Event#PLAN_SOON} notice goes out.
 */
public record Notification(URI url, Format format, Set<Event> events, Duration before) {
    public Notification {
        events = Set.copyOf(events);
    }

    /** The body: Gameday's JSON, or Slack's incoming-webhook {@code {"text": ...}}. */
    public enum Format { JSON, SLACK }

    /** What a notification is about; {@code key()} is how the plan file and the body spell it. */
    public enum Event {
        PLAN_SOON("plan.soon"),
        RUN_STARTED("run.started"),
        RUN_ABORTED("run.aborted"),
        RUN_ENDED("run.ended"),
        PLAN_ENDED("plan.ended");

        private final String key;

        Event(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
