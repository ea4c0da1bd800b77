package dev.gameday.experiment.spi;

import dev.gameday.experiment.ProbeTarget;
import java.util.List;

/**
 * One kind of probe ({@code type:} of a probe or a rollback), described whole for the loader: what it
 * is, the keys its target adds, and how they are read into its {@link ProbeTarget}. Its sampling side
 * is {@code dev.gameday.hypothesis.spi.ProbeType}, which extends this: a probe type is one class.
 *
 * <p>Kinds are found with {@link java.util.ServiceLoader}: name the class in
 * {@code META-INF/services/dev.gameday.experiment.spi.ProbeKind}; see {@link ProbeKinds}.
 */
public interface ProbeKind {
    /** The {@code type:} value, equal to {@link ProbeTarget#type()} of the targets it binds. */
    String type();

    /** What it samples, in one line, for the docs. */
    String description();

    /** The keys its target adds to a probe, in documentation order. */
    List<String> keys();

    /** Reads the target; null when it is unusable (the problems are reported on {@code fields}). */
    ProbeTarget bind(TargetFields fields);

    /** True when sampling runs a program on this machine: such experiments are refused by {@code --no-commands}. */
    default boolean runsPrograms() {
        return false;
    }

    /**
     * True when its samples measure a number ({@code Outcome.measured}), which a tolerance's
     * {@code value} bound judges; the loader refuses a value bound on other kinds.
     */
    default boolean measures() {
        return false;
    }

    /** True when a rollback may be of this kind (one sample of it is the rollback action). */
    default boolean rollback() {
        return false;
    }
}
