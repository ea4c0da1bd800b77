package dev.gameday.room;

/**
 * One thing {@code /health} checks; the room answers 200 only when every check is ok. The room's own
 * is {@link StorageHealth}; a scheduler serving beside it adds its own check. Called on a worker
 * thread: a check may block briefly.
 */
@FunctionalInterface
public interface HealthCheck {
    Health check();
}
