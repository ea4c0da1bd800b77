package dev.gameday.replay.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A tolerance's success-ratio bound as the experiment copy writes it: {@code {"op": ">=", "ratio": 0.99}}.
 */
public record RatioBound(String op, double ratio) {

    /** The bound in {@code tolerance.successRatio}, or null when the tolerance has none. */
    public static RatioBound of(JsonNode tolerance) {
        JsonNode bound = tolerance.path("successRatio");
        if (!bound.path("op").isTextual() || !bound.path("ratio").isNumber()) {
            return null;
        }
        return new RatioBound(bound.get("op").asText(), bound.get("ratio").asDouble());
    }

    public boolean holds(double observed) {
        return switch (op) {
            case ">=" -> observed >= ratio;
            case ">" -> observed > ratio;
            case "<=" -> observed <= ratio;
            case "<" -> observed < ratio;
            default -> true;
        };
    }

    @Override
    public String toString() {
        return op + " " + Numbers.percent(ratio);
    }
}
