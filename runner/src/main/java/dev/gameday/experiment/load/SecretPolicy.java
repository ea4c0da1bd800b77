package dev.gameday.experiment.load;

/** What the loader does with a {@code ${secret:NAME}} whose environment variable is not set. */
public enum SecretPolicy {
    /** A located error: for the commands that use the value ({@code run}, {@code premortem --check}). */
    REQUIRED,
    /**
     * A located warning ({@link LoadedExperiment#warnings()}); the value is a placeholder that is
     * redacted like a secret. For the commands that only read the file ({@code validate},
     * {@code premortem} without {@code --check}): never send such an experiment's values anywhere.
     */
    OPTIONAL
}
