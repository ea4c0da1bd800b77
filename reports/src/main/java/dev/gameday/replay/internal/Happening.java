package dev.gameday.replay.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** Any journal event other than a sample; its fields are read by name from {@code body}. */
public record Happening(long t, long seq, String type, JsonNode body) implements Entry {

    public String text(String field) {
        JsonNode value = body.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
