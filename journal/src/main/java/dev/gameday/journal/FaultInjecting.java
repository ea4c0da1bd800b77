package dev.gameday.journal;

/**
 * Written (and fsynced) before the run asks Toxiproxy for a fault: the exact toxic (as in
 * {@code fault.injected}), or {@code {"type":"down"}} with {@code enabledBefore}, whether the proxy
 * was enabled before the outage (null for a toxic). Crash recovery undoes it even if the crash came
 * before {@code fault.injected}: it removes the toxic by name, or re-enables a proxy that was enabled.
 */
public record FaultInjecting(String step, String proxy, ToxicSpec toxic, Boolean enabledBefore) implements JournalEvent {
    @Override
    public String type() {
        return "fault.injecting";
    }
}
