package dev.gameday.journal;

/**
 * A toxic was added, or a proxy disabled ({@code toxic} is {@code {"type":"down"}}); {@code words} says
 * it in plain words ("400 ms latency ±50 ms").
 */
public record FaultInjected(String step, String proxy, ToxicSpec toxic, String words) implements JournalEvent {
    @Override
    public String type() {
        return "fault.injected";
    }
}
