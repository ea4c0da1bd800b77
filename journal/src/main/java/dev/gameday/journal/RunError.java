package dev.gameday.journal;

import java.util.List;

/** A runtime error, with what may still be injected. */
public record RunError(String message, List<InjectedRef> stillInjected) implements JournalEvent {
    public RunError {
        stillInjected = List.copyOf(stillInjected);
    }

    @Override
    public String type() {
        return "error";
    }
}
