package dev.gameday.experiment.load;

/**
 * How strictly {@link ExperimentLoader} reads a file, chosen by the command: whether a secret must be
 * set ({@code secrets}), and whether experiments that run programs ({@code command} probes or
 * rollbacks) are refused ({@code refuseCommands}: {@code --no-commands}).
 */
public record LoadOptions(SecretPolicy secrets, boolean refuseCommands) {
    /** Secrets required, commands allowed: what a run needs. */
    public static final LoadOptions DEFAULTS = new LoadOptions(SecretPolicy.REQUIRED, false);

    public LoadOptions {
        java.util.Objects.requireNonNull(secrets, "secrets");
    }

    public LoadOptions withSecrets(SecretPolicy policy) {
        return new LoadOptions(policy, refuseCommands);
    }

    public LoadOptions withRefuseCommands(boolean refuse) {
        return new LoadOptions(secrets, refuse);
    }
}
