package dev.gameday.report.premortem;

/**
 * One live pre-flight result of {@code gameday premortem --check} (and {@code run --dry-run}): what was
 * checked, whether it is fine to start, and what was measured or went wrong.
 */
public record PreflightCheck(String name, boolean ok, String detail) {}
