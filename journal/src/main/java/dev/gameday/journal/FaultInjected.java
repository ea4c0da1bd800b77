package dev.gameday.journal;

/** A toxic was added, or a proxy disabled ({@code toxic} is {@code {"type":"down"}}). */
public record FaultInjected(String step, String proxy, ToxicSpec toxic) implements JournalEvent {
    @Override
    public String type() {
        return "fault.injected";
    }
}
