package dev.gameday.hypothesis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.journal.ProbeHistory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An answer of the Prometheus HTTP API ({@code /api/v1/query}, {@code /api/v1/query_range}) read into
 * one number, or a series of them, the way a {@code prometheus} probe is configured: a scalar, or a
 * vector reduced by {@code reduce} (several series without it are a mistake, named by their labels).
 * NaN (0/0 when nothing was counted) is no value, as an empty result is. Every problem is an
 * {@link IllegalArgumentException} whose message says it in plain words, never echoing the URL.
 */
final class PrometheusAnswer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SERIES_SHOWN = 3;

    private PrometheusAnswer() {}

    /** How several series become one number; null: several series are an error. */
    enum Reduce {
        MAX, MIN, SUM, AVG;

        static Reduce of(String key) {
            return key == null ? null : valueOf(key.toUpperCase(Locale.ROOT));
        }

        static List<String> keys() {
            return java.util.Arrays.stream(values()).map(r -> r.name().toLowerCase(Locale.ROOT)).toList();
        }

        double apply(List<Double> values) {
            return switch (this) {
                case MAX -> values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                case MIN -> values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                case SUM -> values.stream().mapToDouble(Double::doubleValue).sum();
                case AVG -> values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            };
        }
    }

    /** The value of an instant query's answer; null when it is empty (no series, or only NaN). */
    static Double instant(int status, String body, Reduce reduce) {
        JsonNode data = data(status, body);
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        switch (type) {
            case "scalar" -> {
                double v = number(result.path(1));
                return Double.isNaN(v) ? null : v;
            }
            case "vector" -> {
                List<Series> series = new ArrayList<>();
                for (JsonNode s : result) {
                    series.add(new Series(labels(s.path("metric")), number(s.path("value").path(1))));
                }
                return reduce(series, reduce);
            }
            case "matrix" -> throw new IllegalArgumentException("the query returns a range vector (a selector such as"
                    + " x[5m]) where one value per series is needed: wrap it in a function, e.g. rate(x[5m])");
            default -> throw new IllegalArgumentException("the query returns a " + (type.isEmpty() ? "result of no type"
                    : type) + ", not a number");
        }
    }

    /**
     * The points of a range query's answer, each timestamp's series reduced as in {@link #instant};
     * timestamps where nothing is left are skipped.
     */
    static List<ProbeHistory.Point> range(int status, String body, Reduce reduce) {
        JsonNode data = data(status, body);
        JsonNode result = data.path("result");
        if (!"matrix".equals(data.path("resultType").asText())) {
            // A scalar expression answers a range query with a matrix too; anything else is a server's oddity.
            throw new IllegalArgumentException("Prometheus answered the range query with a "
                    + data.path("resultType").asText() + ", not a matrix");
        }
        Map<Long, List<Series>> byTime = new TreeMap<>();
        for (JsonNode s : result) {
            String labels = labels(s.path("metric"));
            for (JsonNode point : s.path("values")) {
                long t = Math.round(point.path(0).asDouble() * 1000);
                byTime.computeIfAbsent(t, k -> new ArrayList<>()).add(new Series(labels, number(point.path(1))));
            }
        }
        List<ProbeHistory.Point> points = new ArrayList<>();
        byTime.forEach((t, series) -> {
            Double v = reduce(series, reduce);
            if (v != null) {
                points.add(new ProbeHistory.Point(t, v));
            }
        });
        return points;
    }

    private record Series(String labels, double value) {}

    private static Double reduce(List<Series> all, Reduce reduce) {
        List<Series> series = all.stream().filter(s -> !Double.isNaN(s.value())).toList();
        if (series.isEmpty()) {
            return null;
        }
        if (series.size() == 1) {
            return series.get(0).value();
        }
        if (reduce == null) {
            String shown = series.stream().limit(SERIES_SHOWN).map(Series::labels).collect(Collectors.joining(", "))
                    + (series.size() > SERIES_SHOWN ? ", …" : "");
            throw new IllegalArgumentException("the query returns " + series.size() + " series, not one: " + shown
                    + "; write reduce: max, min, sum or avg, or aggregate them in the query, e.g. max(...)");
        }
        return reduce.apply(series.stream().map(Series::value).toList());
    }

    /** The {@code data} of a successful answer; an error answer is said in plain words. */
    private static JsonNode data(int status, String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject() || !root.has("status")) {
            throw new IllegalArgumentException("HTTP " + status + " without an answer of the Prometheus API: is url"
                    + " the server's base URL, e.g. http://127.0.0.1:9090?");
        }
        if (!"success".equals(root.path("status").asText())) {
            String type = root.path("errorType").asText("");
            String error = root.path("error").asText("no reason given");
            throw new IllegalArgumentException(switch (type) {
                case "bad_data" -> "Prometheus rejected the query: " + error;
                case "timeout" -> "Prometheus gave up on the query (its timeout): " + error;
                case "canceled" -> "Prometheus cancelled the query: " + error;
                default -> "Prometheus could not run the query (" + (type.isEmpty() ? "HTTP " + status : type) + "): "
                        + error;
            });
        }
        return root.path("data");
    }

    /** {@code {status="500", uri="/product/{id}"}}; the metric name first, as PromQL writes it. */
    private static String labels(JsonNode metric) {
        StringBuilder out = new StringBuilder(metric.path("__name__").asText(""));
        List<String> pairs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metric.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("__name__")) {
                pairs.add(e.getKey() + "=\"" + e.getValue().asText() + "\"");
            }
        }
        return out.append('{').append(String.join(", ", pairs)).append('}').toString();
    }

    /** Prometheus writes sample values as strings: {@code "0.5"}, {@code "NaN"}, {@code "+Inf"}. */
    private static double number(JsonNode value) {
        String text = value.asText("");
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Prometheus answered a value that is not a number");
                }
            }
        };
    }
}
