package dev.gameday.journal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One line of a journal as {@code docs/journal.md} defines it: the common fields plus the whole
 * event, whose other fields are read by name ({@code body.path("probe")}).
 */
public record JournalLine(long seq, long t, String type, JsonNode body) {}
