package dev.gameday.experiment;

import java.time.Duration;

/** The steady state must hold again, for a full tolerance window, within {@code within} of fault removal. */
public record Recovery(Duration within) {}
