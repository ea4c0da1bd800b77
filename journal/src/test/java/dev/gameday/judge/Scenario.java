package dev.gameday.judge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.journal.FaultInjected;
import dev.gameday.journal.FaultRemoved;
import dev.gameday.journal.JournalEvent;
import dev.gameday.journal.PhaseStarted;
import dev.gameday.journal.SampleTaken;
import dev.gameday.journal.ToxicSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A generated run as its journal would record it: an experiment copy, phase marks with a gap where
 * sampling pauses between before and the method, fault steps inside the method, and per probe one
 * sample per slot whose answer comes back after its latency, released in slot order (as the sampler
 * delivers them) — so samples of one slot arrive after later phases have begun.
 */
public record Scenario(ObjectNode experiment, List<Timed> journal) {
    /** An event as the journal holds it, at its {@code t} (a sample's slot), in file order. */
    public record Timed(long t, JournalEvent event) {}

    public static final ObjectMapper JSON = new ObjectMapper();

    public static Scenario generate(Random r) {
        ObjectNode experiment = JSON.createObjectNode();
        ArrayNode probes = experiment.putObject("steadyState").putArray("probes");
        int probeCount = 1 + r.nextInt(2);
        List<long[]> timing = new ArrayList<>();
        boolean[] measures = new boolean[probeCount];
        for (int p = 0; p < probeCount; p++) {
            long interval = new long[] {50, 100, 200}[r.nextInt(3)];
            long timeout = interval * (1 + r.nextInt(6));
            long window = interval * (1 + r.nextInt(15));
            timing.add(new long[] {interval, timeout});
            ObjectNode probe = probes.addObject();
            probe.put("name", "probe-" + p).put("interval", interval).put("timeout", timeout);
            ArrayNode check = probe.putArray("check");
            switch (r.nextInt(4)) {
                case 0 -> check.add("continuously");
                case 1 -> check.add("during");
                case 2 -> check.add("before").add("after");
                default -> { }
            }
            ObjectNode tolerance = probe.putObject("tolerance").put("window", window);
            if (r.nextInt(4) != 0) {
                tolerance.putObject("successRatio").put("op", r.nextBoolean() ? ">=" : ">")
                        .put("ratio", 0.5 + r.nextInt(50) / 100.0);
            }
            // A third of the probes measure a value (as a prometheus probe does), judged against a value bound.
            measures[p] = r.nextInt(3) == 0;
            if (measures[p]) {
                tolerance.putObject("value").put("op", new String[] {"<=", "<", ">=", ">"}[r.nextInt(4)])
                        .put("threshold", r.nextInt(100) / 100.0);
            }
            if (r.nextBoolean() || !tolerance.has("successRatio") && !measures[p]) {
                tolerance.putArray("latency").addObject().put("percentile", new double[] {50, 95, 99.9}[r.nextInt(3)])
                        .put("op", r.nextBoolean() ? "<=" : "<").put("limit", r.nextInt((int) timeout) + 1);
            }
        }
        if (r.nextBoolean()) {
            String metric = measures[0] && r.nextBoolean() ? "value" : r.nextBoolean() ? "successRatio" : "p95";
            experiment.putArray("abort").addObject().put("name", "stop").put("probe", "probe-0")
                    .put("metric", metric).put("op", r.nextBoolean() ? "<" : ">")
                    .put("threshold", metric.equals("p95") ? 300.0 : 0.5).put("sustained", 100 + r.nextInt(1500));
        }
        if (r.nextBoolean()) {
            experiment.putObject("recovery").put("within", 2000);
        }

        // Phases: before, a gap while the last baseline samples come back, method, recovery, after.
        long start = 1_700_000_000_000L + r.nextInt(1000);
        long before = r.nextInt(2500);
        long gap = r.nextInt(300);
        long method = 200 + r.nextInt(4000);
        long recovery = r.nextInt(2000);
        long after = r.nextInt(2500);
        long methodT = start + before + gap;
        long[] marks = {start, methodT, methodT + method, methodT + method + recovery,
            methodT + method + recovery + after};
        List<Timed> events = new ArrayList<>();
        List<Long> order = new ArrayList<>(); // the journal time of each event, to sort by
        String[] names = {"before", "method", "recovery", "after", "rollback"};
        for (int i = 0; i < marks.length; i++) {
            events.add(new Timed(marks[i], new PhaseStarted(names[i])));
            order.add(marks[i]);
        }
        int faults = r.nextInt(3);
        for (int f = 0; f < faults; f++) {
            long in = methodT + r.nextInt((int) method);
            long out = Math.min(methodT + method, in + 1 + r.nextInt(2000));
            events.add(new Timed(in, new FaultInjected("step-" + f, "proxy", ToxicSpec.down(), "an outage")));
            order.add(in);
            events.add(new Timed(out, new FaultRemoved("step-" + f, "proxy", null, "completed")));
            order.add(out);
        }
        // Samples: slots through before, then again from the method start to the end of after.
        for (int p = 0; p < probeCount; p++) {
            long interval = timing.get(p)[0];
            long timeout = timing.get(p)[1];
            long released = Long.MIN_VALUE;
            List<long[]> spans = List.of(new long[] {start, start + before}, new long[] {methodT, marks[4]});
            double failRate = r.nextDouble() * 0.6;
            for (long[] span : spans) {
                long offset = r.nextInt((int) interval);
                for (long slot = span[0] + offset; slot < span[1]; slot += interval) {
                    boolean inMethod = slot >= methodT && slot < methodT + method;
                    boolean ok = r.nextDouble() >= (inMethod ? failRate : failRate / 4);
                    double ms = ok ? r.nextInt((int) timeout * 1000) / 1000.0 : r.nextBoolean() ? timeout
                            : r.nextInt((int) timeout * 1000) / 1000.0;
                    released = Math.max(released, slot + (long) Math.ceil(ms));
                    // A value rises with the failures; some answers measure nothing (an empty result).
                    Double value = !measures[p] || !ok || r.nextInt(8) == 0 ? null
                            : Math.min(1, r.nextDouble() * (inMethod ? 1 : 0.6));
                    events.add(new Timed(slot, new SampleTaken(slot, "probe-" + p, ok, ms, ok ? 200 : null,
                            ok ? null : "failed", value)));
                    order.add(released);
                }
            }
        }
        // File order: by the time each event was journaled; at a tie, marks and faults first.
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            index.add(i);
        }
        index.sort(Comparator.<Integer>comparingLong(order::get)
                .thenComparingInt(i -> events.get(i).event() instanceof SampleTaken ? 1 : 0)
                .thenComparingInt(i -> i));
        List<Timed> journal = new ArrayList<>();
        index.forEach(i -> journal.add(events.get(i)));
        return new Scenario(experiment, journal);
    }
}
