package dev.gameday.report.premortem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * What a pre-mortem is made from: the experiment copy (normalised JSON, secrets redacted, as in
 * {@code docs/journal.md}), where it came from, and the live pre-flight results when
 * {@code --check} was asked for ({@code preflight} null otherwise).
 */
public record PremortemInput(JsonNode experiment, String experimentFile, String experimentSha256, Instant date,
        List<PreflightCheck> preflight) {

    public PremortemInput {
        preflight = preflight == null ? null : List.copyOf(preflight);
    }

    /** Whether every pre-flight check passed; false also when none was run. */
    public boolean cleared() {
        return preflight != null && preflight.stream().allMatch(PreflightCheck::ok);
    }
}
