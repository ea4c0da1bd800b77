package dev.gameday.plan;

/** What the plan does after an experiment that did not hold. */
public enum StopPolicy {
    /** Stop at the first experiment that did not hold (refuted, aborted, inconclusive, in error); the rest are not run. */
    FIRST_FAILURE("first-failure"),
    /** Run every experiment whatever the verdicts. */
    NEVER("never");

    private final String key;

    StopPolicy(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
