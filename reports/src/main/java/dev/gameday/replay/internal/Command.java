package dev.gameday.replay.internal;

/** What the facilitator asked for at a stop; {@code text} is the note for {@link Kind#NOTE}. */
public record Command(Kind kind, String text) {
    public enum Kind { NEXT, REVEAL, NOTE, QUIT }

    public static final Command NEXT = new Command(Kind.NEXT, null);
    public static final Command REVEAL = new Command(Kind.REVEAL, null);
    public static final Command QUIT = new Command(Kind.QUIT, null);

    public static Command note(String text) {
        return new Command(Kind.NOTE, text);
    }
}
