package dev.gameday.experiment;

import java.util.List;
import java.util.Map;

/**
 * {@code type: http}. {@code expectStatus} empty means any 2xx. {@code bodyContains},
 * {@code jsonPath} and {@code jsonEquals} are null when not asked for; {@code jsonEquals} compares
 * the value at {@code jsonPath} as text, and without it the path only has to exist.
 */
public record HttpTarget(
        String method,
        String url,
        Map<String, String> headers,
        String body,
        List<Integer> expectStatus,
        String bodyContains,
        String jsonPath,
        String jsonEquals) implements ProbeTarget {

    public HttpTarget {
        headers = Map.copyOf(headers);
        expectStatus = List.copyOf(expectStatus);
    }

    @Override
    public String type() {
        return "http";
    }
}
