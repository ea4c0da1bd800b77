package dev.gameday.experiment;

/**
 * What a probe or a rollback action talks to. Each probe type contributes one implementation;
 * {@link #type()} is the {@code type:} value of the YAML file.
 */
public interface ProbeTarget {
    String type();

    /** What sampling it does, in a few words for messages; a command says what it runs. */
    default String summary() {
        return "is a " + type() + " probe";
    }
}
