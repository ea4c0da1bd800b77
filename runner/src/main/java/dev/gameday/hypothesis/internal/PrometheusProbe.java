package dev.gameday.hypothesis.internal;

import dev.gameday.experiment.ProbeTarget;
import dev.gameday.experiment.spi.HttpUrls;
import dev.gameday.experiment.spi.RequestHeaders;
import dev.gameday.experiment.spi.TargetFields;
import dev.gameday.hypothesis.TimedAttempt;
import dev.gameday.hypothesis.internal.PrometheusAnswer.Reduce;
import dev.gameday.hypothesis.spi.Outcome;
import dev.gameday.hypothesis.spi.ProbeAction;
import dev.gameday.hypothesis.spi.ProbeType;
import dev.gameday.journal.ProbeHistory;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code type: prometheus}: one instant query of the Prometheus HTTP API per sample, its answer read
 * into one number (a scalar, or a vector reduced by {@code reduce}) that the tolerance's {@code value}
 * bound judges. An empty answer fails the sample, or with {@code onEmpty: nodata} is an answer without
 * a value. At the end of a run, the same query over the run's stretch ({@code /api/v1/query_range})
 * is its {@link #history}.
 */
public final class PrometheusProbe implements ProbeType {
    private static final List<String> ON_EMPTY = List.of("fail", "nodata");
    private static final String API = "/api/v1/";

    /**
     * {@code url} is the server's base URL without a trailing slash; {@code reduce} null when several
     * series are an error; {@code onEmpty} {@code fail} or {@code nodata}.
     */
    public record Target(String url, String query, Map<String, String> headers, String reduce, String onEmpty)
            implements ProbeTarget {
        public Target {
            headers = Map.copyOf(headers);
        }

        @Override
        public String type() {
            return "prometheus";
        }
    }

    @Override
    public String type() {
        return "prometheus";
    }

    @Override
    public String description() {
        return "one PromQL instant query per sample (a scalar, or a vector reduced by `reduce`); its value is judged"
                + " by the tolerance's `value` bound; `onEmpty`: `fail` (default) or `nodata`";
    }

    @Override
    public List<String> keys() {
        return List.of("url", "query", "headers", "reduce", "onEmpty");
    }

    @Override
    public boolean measures() {
        return true;
    }

    @Override
    public ProbeTarget bind(TargetFields f) {
        String url = f.requiredString("url", "the Prometheus server's base URL, e.g. http://127.0.0.1:9090");
        if (url != null) {
            try {
                url = HttpUrls.check(url, "send them in a header instead, e.g. headers: {Authorization: \"Bearer ${secret:NAME}\"}")
                        .toString().replaceAll("/+$", "");
                if (url.contains(API)) {
                    f.problem("url", "write the server's base URL (what comes before " + API + "query), e.g."
                            + " http://127.0.0.1:9090: the probe adds the API path itself");
                }
            } catch (IllegalArgumentException e) {
                f.problem("url", e.getMessage());
            }
        }
        String query = f.requiredString("query", "a PromQL expression, e.g. sum(rate(http_requests_total{status=~\"5..\"}[1m]))");
        if (query != null && query.isBlank()) {
            f.problem("query", "the query is empty: write a PromQL expression");
        }
        Map<String, String> headers = RequestHeaders.read(f, "headers");
        String reduce = f.choice("reduce", Reduce.keys(), null);
        String onEmpty = f.choice("onEmpty", ON_EMPTY, "fail");
        return new Target(url, query, headers, reduce, onEmpty);
    }

    @Override
    public ProbeAction open(Vertx vertx, ProbeTarget target, Duration timeout) {
        Query q = new Query(vertx, Targets.as(target, Target.class), timeout);
        boolean nodata = "nodata".equalsIgnoreCase(q.target.onEmpty());
        return new ProbeAction() {
            @Override
            public Future<Outcome> attempt() {
                MultiMap form = MultiMap.caseInsensitiveMultiMap().add("query", q.target.query());
                return q.send("query", form).map(response -> {
                    Double value;
                    try {
                        value = PrometheusAnswer.instant(response.statusCode(), response.bodyAsString(), q.reduce);
                    } catch (IllegalArgumentException e) {
                        return Outcome.failed(response.statusCode(), e.getMessage());
                    }
                    if (value == null && !nodata) {
                        return Outcome.failed(response.statusCode(), "the query returned no series (is the metric"
                                + " name right? write onEmpty: nodata if an empty answer is normal)");
                    }
                    return Outcome.measured(response.statusCode(), value);
                });
            }

            @Override
            public void close() {
                q.client.close();
            }
        };
    }

    @Override
    public Future<List<ProbeHistory.Point>> history(Vertx vertx, ProbeTarget target, Duration timeout, long fromMs,
            long toMs, long stepMs) {
        Query q = new Query(vertx, Targets.as(target, Target.class), timeout);
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("query", q.target.query())
                .add("start", seconds(fromMs))
                .add("end", seconds(toMs))
                .add("step", seconds(stepMs));
        return q.send("query_range", form)
                .map(r -> PrometheusAnswer.range(r.statusCode(), r.bodyAsString(), q.reduce))
                .onComplete(done -> q.client.close());
    }

    /** The API's times and durations: decimal seconds. */
    private static String seconds(long ms) {
        return String.valueOf(ms / 1000.0);
    }

    /** A target made ready to query: its client, the reduction, the request options. */
    private static final class Query {
        final Target target;
        final Reduce reduce;
        final WebClient client;
        final long deadlineMs;
        final Duration timeout;

        Query(Vertx vertx, Target target, Duration timeout) {
            HttpProbe.checkUrl(target.url());
            if (target.query() == null || target.query().isBlank()) {
                throw new IllegalArgumentException("prometheus probe needs a query");
            }
            this.target = target;
            this.reduce = Reduce.of(target.reduce());
            this.timeout = timeout;
            this.deadlineMs = timeout.toMillis() + TimedAttempt.GRACE_MS;
            this.client = WebClient.create(vertx, HttpProbe.Client.OPTIONS, HttpProbe.Client.POOL);
        }

        /** POSTs the form to {@code /api/v1/<endpoint>}; Prometheus stops evaluating at the probe's timeout. */
        Future<HttpResponse<Buffer>> send(String endpoint, MultiMap form) {
            RequestOptions options = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setAbsoluteURI(target.url() + API + endpoint)
                    .setConnectTimeout(deadlineMs)
                    .setIdleTimeout(deadlineMs);
            target.headers().forEach(options::putHeader);
            form.add("timeout", seconds(Math.max(1, timeout.toMillis())));
            return client.request(HttpMethod.POST, options).sendForm(form);
        }
    }
}
