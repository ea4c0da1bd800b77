package dev.gameday.journal;

/**
 * Someone stopped the run by hand ({@code by}, through {@code via}, e.g. {@code room} for the game-day
 * room's abort button), requested at {@code requestedAt} (epoch ms). The run ends aborted, every fault
 * removed at once; the {@code t} of the line is when the run obeyed.
 */
public record AbortRequested(String by, String via, long requestedAt) implements JournalEvent {
    @Override
    public String type() {
        return "abort.requested";
    }
}
