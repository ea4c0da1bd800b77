package dev.gameday.text;

/** A failure in words for a person: its message, or, when it has none, what it is. */
public final class Failures {
    private Failures() {}

    /** The message; the exception's class (and nothing worse) when the message is missing or blank. */
    public static String message(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.toString() : message;
    }
}
