package dev.gameday.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A whole run of the storefront example written as a journal: 3 s before, a 6 s latency fault, a 1 s
 * pause, recovery, 3 s after, one probe sampled every 100 ms. {@code healthy} false makes the fault
 * hurt (p95 1.2 s, 6 of 60 samples failing); {@code complete} false cuts the journal mid-fault.
 */
public final class StorefrontRun {
    public static final long T0 = 1_700_000_000_000L;
    public static final String PROBE = "product-page";

    private StorefrontRun() {}

    public static Path write(Path dir, String title, boolean healthy, boolean complete) throws IOException {
        Path journal = dir.resolve("journal.jsonl");
        try (JournalFixture j = new JournalFixture(journal)) {
            j.runStarted(T0, JournalFixture.storefront(title));
            j.phase(T0, "preflight");
            j.write(j.event("proxy.created", T0 + 50).put("proxy", "inventory").put("listen", "127.0.0.1:8666")
                    .put("upstream", "127.0.0.1:8081").put("createdByRun", true));
            j.phase(T0 + 100, "before");
            samples(j, T0 + 100, 30, 20, 0);
            j.phase(T0 + 3100, "method");
            j.step(T0 + 3100, "step.started", "slow-inventory", "fault");
            j.faultInjected(T0 + 3100, "slow-inventory", "inventory", 400);
            if (!complete) {
                samples(j, T0 + 3100, 20, 430, 0);
                j.raw("{\"type\":\"sample\",\"t\":" + (T0 + 5200) + ",\"seq\":99,\"probe\":\"product-pa");
                return journal;
            }
            samples(j, T0 + 3100, 60, healthy ? 430 : 1200, healthy ? 0 : 6);
            if (!healthy) {
                j.tolerance(T0 + 5600, PROBE, "method", "p95", false, 1200, "<= 800 ms");
                j.tolerance(T0 + 5600, PROBE, "method", "successRatio", false, 0.9, ">= 99%");
            }
            j.faultRemoved(T0 + 9100, "slow-inventory", "inventory", "completed");
            j.step(T0 + 9100, "step.ended", "slow-inventory", null);
            j.step(T0 + 9100, "step.started", "settle", "pause");
            samples(j, T0 + 9100, 10, 20, 0);
            j.step(T0 + 10100, "step.ended", "settle", null);
            j.phase(T0 + 10100, "recovery");
            samples(j, T0 + 10100, 10, 20, 0);
            if (!healthy) {
                j.tolerance(T0 + 10_600, PROBE, "recovery", "p95", true, 20, "<= 800 ms");
                j.tolerance(T0 + 10_600, PROBE, "recovery", "successRatio", true, 1.0, ">= 99%");
            }
            j.write(j.event("recovery", T0 + 11_100).put("recoveredAfterMs", healthy ? 0 : 1500).put("withinMs", 5000)
                    .put("ok", true));
            j.phase(T0 + 11_100, "after");
            samples(j, T0 + 11_100, 30, 20, 0);
            j.phase(T0 + 14_100, "rollback");
            j.write(j.event("proxy.removed", T0 + 14_150).put("proxy", "inventory"));
            j.phase(T0 + 14_200, "done");
            String verdict = healthy ? "held" : "refuted";
            var v = j.event("verdict", T0 + 14_200).put("verdict", verdict).put("summary", healthy
                    ? "The steady state held through every phase."
                    : "product-page p95 rose to 1.2 s during slow-inventory (limit 800 ms).");
            v.putArray("evidence");
            v.putArray("timeToDetect").addObject().put("step", "slow-inventory").put("ms", healthy ? null : 2500L);
            v.put("timeToRecoverMs", healthy ? 0 : 1500);
            j.write(v);
            j.write(j.event("run.ended", T0 + 14_250).put("exitCode", healthy ? 0 : 1).put("verdict", verdict));
        }
        return journal;
    }

    /** {@code count} samples 100 ms apart from {@code from}; the last {@code failures} of them fail at 2 s. */
    private static void samples(JournalFixture j, long from, int count, double ms, int failures) throws IOException {
        for (int i = 0; i < count; i++) {
            boolean ok = i < count - failures;
            j.sample(from + i * 100L, PROBE, ok, ok ? ms + (i % 5) : 2000);
        }
    }
}
