package dev.gameday.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes journals exactly as {@code docs/journal.md} defines them (test data, not a mock): events in
 * order with {@code type}, {@code t}, {@code seq}, and the experiment copy in normalised form.
 */
public final class JournalFixture implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedWriter out;
    private long seq;

    public JournalFixture(Path journal) throws IOException {
        Files.createDirectories(journal.toAbsolutePath().getParent());
        out = Files.newBufferedWriter(journal, StandardCharsets.UTF_8);
    }

    /** The storefront example of {@code experiments/}, normalised as the runner copies it into run.started. */
    public static ObjectNode storefront(String title) {
        try {
            ObjectNode e = (ObjectNode) JSON.readTree("""
                {"version":1,"title":"Storefront survives a slow inventory service",
                 "description":"The inventory service answers 400 ms slower than usual.",
                 "owner":"alice@example.com","team":"storefront","tags":["latency","inventory","demo"],
                 "hypothesis":"We believe that when inventory responds 400 ms slower, product pages keep answering 200 within 800 ms at p95, because the storefront gives up on inventory after 250 ms and shows cached stock.",
                 "vars":{"storefront":"http://127.0.0.1:8080"},
                 "toxiproxy":{"url":null},
                 "proxies":[{"name":"inventory","listen":"127.0.0.1:8666","upstream":"127.0.0.1:8081"}],
                 "steadyState":{"before":3000,"after":3000,"probes":[
                   {"name":"product-page","type":"http","interval":100,"timeout":2000,"check":["continuously"],
                    "target":{"method":"GET","url":"http://127.0.0.1:8080/products/42","headers":{"Authorization":"***"}},
                    "tolerance":{"window":2000,"successRatio":{"op":">=","ratio":0.99},
                                 "latency":[{"percentile":95.0,"op":"<=","limit":800}]}}]},
                 "method":[
                   {"name":"slow-inventory","fault":{"proxy":"inventory","toxic":"latency","stream":"downstream",
                     "toxicity":1.0,"attributes":{"latency":400,"jitter":50},"duration":6000,"ramp":null,
                     "words":"400 ms latency ±50 ms",
                     "risks":[{"risk":"Client timeouts fire in callers","watch":"timeout errors in callers; p99 against each client's timeout"},
                       {"risk":"Retry storms multiply load on the slow dependency","watch":"request rate to the dependency; retries per request"},
                       {"risk":"Thread or connection pools exhaust while waiting","watch":"pool active/waiting counts; open connections"},
                       {"risk":"Queues build up behind slow consumers","watch":"queue depth; consumer lag"}]},
                    "pause":null,"parallel":null},
                   {"name":"settle","fault":null,"pause":1000,"parallel":null}],
                 "abort":[{"name":"storefront-collapsing","probe":"product-page","metric":"successRatio","op":"<",
                           "threshold":0.5,"sustained":2000}],
                 "rollbacks":[],
                 "recovery":{"within":5000},
                 "slo":{"objective":0.999,"window":2592000000},
                 "premortem":{"risks":[{"risk":"Storefront threads pile up waiting on inventory","watch":"storefront p95 and open connections"}],
                   "participants":[{"name":"Alice","role":"incident-commander"},{"name":"Bob","role":"scribe"},
                                   {"name":"Carol","role":"communications"}],
                   "runbook":"https://runbooks.example.com/storefront",
                   "dashboards":["https://grafana.example.com/d/storefront"],
                   "questions":["Does the cache hold every product we probe?"],
                   "checklist":["On-call for inventory informed"]},
                 "tabletop":[]}
                """);
            e.put("title", title);
            return e;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public ObjectNode event(String type, long t) {
        ObjectNode e = JSON.createObjectNode();
        e.put("type", type);
        e.put("t", t);
        e.put("seq", seq++);
        return e;
    }

    public JournalFixture write(ObjectNode event) throws IOException {
        out.write(JSON.writeValueAsString(event));
        out.write('\n');
        return this;
    }

    public JournalFixture runStarted(long t, ObjectNode experiment) throws IOException {
        ObjectNode e = event("run.started", t);
        e.put("v", 1);
        e.put("runId", "20261122T230000Z-storefront");
        e.put("experimentFile", "experiments/storefront-survives-slow-inventory.yaml");
        e.put("experimentSha256", "4f2a9c0d1e7b3a5c6d8e9f00112233445566778899aabbccddeeff0011223344");
        e.set("experiment", experiment);
        e.put("user", "alice");
        e.put("host", "gameday-host");
        ObjectNode versions = e.putObject("versions");
        versions.put("gameday", "0.1.0").put("java", "17.0.15").put("vertx", "5.0.10").put("os", "Linux");
        e.putObject("toxiproxy").put("mode", "embedded").putNull("url");
        e.putObject("vars");
        ArrayNode plan = e.putArray("plan");
        plan.addObject().put("step", "slow-inventory").put("kind", "fault").putNull("parent").put("startMs", 0)
                .put("durationMs", 6000).put("proxy", "inventory").put("toxic", "latency");
        plan.addObject().put("step", "settle").put("kind", "pause").putNull("parent").put("startMs", 6000)
                .put("durationMs", 1000).putNull("proxy").putNull("toxic");
        e.put("dryRun", false);
        return write(e);
    }

    public JournalFixture phase(long t, String phase) throws IOException {
        return write(event("phase", t).put("phase", phase));
    }

    public JournalFixture step(long t, String type, String step, String kind) throws IOException {
        ObjectNode e = event(type, t).put("step", step);
        if (type.equals("step.started")) {
            e.put("kind", kind).putNull("parent");
        }
        return write(e);
    }

    public JournalFixture faultInjected(long t, String step, String proxy, long latency) throws IOException {
        ObjectNode e = event("fault.injected", t).put("step", step).put("proxy", proxy);
        ObjectNode toxic = e.putObject("toxic").put("name", step).put("type", "latency").put("stream", "downstream")
                .put("toxicity", 1.0);
        toxic.putObject("attributes").put("latency", latency).put("jitter", 50);
        return write(e);
    }

    public JournalFixture faultRemoved(long t, String step, String proxy, String reason) throws IOException {
        return write(event("fault.removed", t).put("step", step).put("proxy", proxy).put("toxicName", step)
                .put("reason", reason));
    }

    public JournalFixture sample(long t, String probe, boolean ok, double ms) throws IOException {
        ObjectNode e = event("sample", t).put("probe", probe).put("ok", ok).put("ms", ms);
        if (ok) {
            e.put("status", 200).putNull("error");
        } else {
            e.putNull("status").put("error", "timeout");
        }
        return write(e);
    }

    public JournalFixture tolerance(long t, String probe, String phase, String tolerance, boolean holds, double observed,
            String expected) throws IOException {
        return write(event("tolerance", t).put("probe", probe).put("phase", phase).put("tolerance", tolerance)
                .put("holds", holds).put("observed", observed).put("expected", expected));
    }

    /** Writes raw text, e.g. a line cut off by a crash. */
    public JournalFixture raw(String text) throws IOException {
        out.write(text);
        return this;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
