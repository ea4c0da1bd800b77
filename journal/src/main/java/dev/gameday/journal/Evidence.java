package dev.gameday.journal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * One bound of one probe's tolerance judged over one stretch of the run: a phase ({@code before},
 * {@code during} — the whole method —, {@code recovery}, {@code after}) or, with {@code step} set, the
 * windows of the method that overlap that fault step. {@code observed} is the worst value over every
 * full tolerance window of the stretch (its {@code observedText} as people read it; both null without
 * samples); {@code samples}/{@code failures} count the samples due in it; {@code windows} how many
 * windows were judged, {@code failingWindows} how many missed the bound, {@code firstFailingT} where the
 * first of those ended (epoch ms, null when none).
 */
public record Evidence(
        String probe,
        String phase,
        String step,
        String tolerance,
        String expected,
        Double observed,
        String observedText,
        Status status,
        long samples,
        long failures,
        int windows,
        int failingWindows,
        Long firstFailingT) {

    /** Whether this stretch did not refute anything (it passed, was not checked, or had no data). */
    @JsonIgnore
    public boolean ok() {
        return status != Status.FAIL;
    }

    /** {@code pass}, {@code fail}, {@code no data} (nothing sampled), {@code info} (not part of the hypothesis here). */
    public enum Status {
        PASS, FAIL, NO_DATA, INFO;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }
}
