package dev.gameday.preflight;

/**
 * Pre-flight cannot go on, and nothing was injected. A {@code conflict} is a configuration the
 * Toxiproxy server disagrees with (exit 3: fix the experiment or pass {@code --replace-proxies}); any
 * other failure means the target, a dependency or Toxiproxy is unusable (exit 4).
 */
public final class PreflightFailure extends Exception {
    private final boolean conflict;

    public PreflightFailure(String message, boolean conflict) {
        super(message);
        this.conflict = conflict;
    }

    public boolean conflict() {
        return conflict;
    }
}
