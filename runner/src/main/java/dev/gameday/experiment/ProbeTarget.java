package dev.gameday.experiment;

/**
 * What a probe or a rollback action talks to. Each probe type contributes one implementation;
 * {@link #type()} is the {@code type:} value of the YAML file.
 */
public interface ProbeTarget {
    String type();
}
