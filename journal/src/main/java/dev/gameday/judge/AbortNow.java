package dev.gameday.judge;

/**
 * An abort condition as it stands now: {@code value} is its metric over the samples of its current
 * window (NaN before any; the tripping value once tripped), {@code watching} whether it is armed (from
 * the method until the after phase), {@code tripped} whether it has tripped. The condition trips when
 * {@code rule.condition().holds(value)} over a whole window of {@code rule.sustainedMs()}.
 */
public record AbortNow(AbortRule rule, double value, boolean watching, boolean tripped) {
    /** Whether the current value is in the condition's range (it trips once it stays there a whole window). */
    public boolean inRange() {
        return rule.condition().holds(value);
    }
}
