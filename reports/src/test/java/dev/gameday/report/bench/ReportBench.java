package dev.gameday.report.bench;

import dev.gameday.report.JournalFixture;
import dev.gameday.report.Reports;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates a journal of N probe samples (default 1,000,000: two probes at 20 samples/s each for
 * ~7 hours, a latency fault in the middle) under target/, then renders all three reports from it and
 * prints the time and the peak heap. Run with {@code -Xmx256m} to show memory does not grow with
 * samples; see BENCHMARKS.md for the command.
 */
public final class ReportBench {
    private ReportBench() {}

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) throws IOException {
        long samples = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path dir = Path.of(args.length > 1 ? args[1] : "target/bench-report");
        Path journal = dir.resolve("journal.jsonl");
        Files.createDirectories(dir);
        long t0 = 1_700_000_000_000L;
        generate(journal, samples, t0);
        System.out.printf(Locale.ROOT, "journal: %s, %d samples, %.1f MB%n", journal, samples,
                Files.size(journal) / 1e6);
        System.gc();
        long start = System.nanoTime();
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long processCpuStart = processCpuNanos();
        List<Path> written = Reports.writeRunReports(journal, dir);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double processCpu = (processCpuNanos() - processCpuStart) / 1e9;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.gc();
        long live = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf(Locale.ROOT, "rendered %d files in %.2f s wall, %.2f s CPU (calling thread), %.2f s CPU (process, JIT"
                + " and GC included); peak heap %.0f MB of max %.0f MB; heap after GC %.0f MB%n", written.size(), seconds,
                cpu, processCpu, peak / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6, live / 1e6);
        for (Path p : written) {
            System.out.printf(Locale.ROOT, "  %s %.0f KB%n", p, Files.size(p) / 1e3);
        }
    }

    /** Writes the journal with a plain writer: generation is not what is measured. */
    private static void generate(Path journal, long samples, long t0) throws IOException {
        String experiment = JournalFixture.JSON.writeValueAsString(JournalFixture.storefront("Bench: 1M samples"));
        long interval = 50;
        long duration = samples / 2 * interval;
        long before = duration / 4;
        long faultStart = t0 + before;
        long faultEnd = t0 + duration / 2;
        long after = t0 + duration * 5 / 8;
        SplittableRandom random = new SplittableRandom(42);
        long seq = 0;
        try (BufferedWriter out = Files.newBufferedWriter(journal, StandardCharsets.UTF_8)) {
            out.write("{\"type\":\"run.started\",\"t\":" + t0 + ",\"seq\":" + seq++ + ",\"v\":1,\"runId\":\"bench\","
                    + "\"experimentFile\":\"bench.yaml\",\"experimentSha256\":\"00\",\"experiment\":" + experiment
                    + ",\"user\":\"bench\",\"host\":\"bench\",\"versions\":{},\"toxiproxy\":{\"mode\":\"embedded\",\"url\":null},"
                    + "\"vars\":{},\"plan\":[],\"dryRun\":false}\n");
            out.write(event("phase", t0, seq++, "\"phase\":\"before\""));
            boolean inMethod = false;
            boolean inRecovery = false;
            boolean inAfter = false;
            for (long i = 0; i < samples; i++) {
                long t = t0 + (i / 2) * interval;
                if (!inMethod && t >= faultStart) {
                    inMethod = true;
                    out.write(event("phase", t, seq++, "\"phase\":\"method\""));
                    out.write(event("step.started", t, seq++, "\"step\":\"slow-inventory\",\"kind\":\"fault\",\"parent\":null"));
                    out.write(event("fault.injected", t, seq++, "\"step\":\"slow-inventory\",\"proxy\":\"inventory\","
                            + "\"toxic\":{\"name\":\"slow\",\"type\":\"latency\",\"stream\":\"downstream\",\"toxicity\":1.0,"
                            + "\"attributes\":{\"latency\":400,\"jitter\":50}}"));
                }
                if (!inRecovery && t >= faultEnd) {
                    inRecovery = true;
                    out.write(event("fault.removed", t, seq++, "\"step\":\"slow-inventory\",\"proxy\":\"inventory\","
                            + "\"toxicName\":\"slow\",\"reason\":\"completed\""));
                    out.write(event("step.ended", t, seq++, "\"step\":\"slow-inventory\""));
                    out.write(event("phase", t, seq++, "\"phase\":\"recovery\""));
                }
                if (!inAfter && t >= after) {
                    inAfter = true;
                    out.write(event("phase", t, seq++, "\"phase\":\"after\""));
                }
                boolean faulty = inMethod && !inRecovery;
                double ms = (faulty ? 420 : 20) + random.nextDouble() * (faulty ? 600 : 30);
                boolean ok = !faulty || random.nextInt(100) > 2;
                String probe = i % 2 == 0 ? "product-page" : "checkout";
                out.write(event("sample", t, seq++, String.format(Locale.ROOT,
                        "\"probe\":\"%s\",\"ok\":%b,\"ms\":%.3f,\"status\":%s,\"error\":%s", probe, ok, ms,
                        ok ? "200" : "null", ok ? "null" : "\"timeout\"")));
            }
            long end = t0 + duration;
            out.write(event("verdict", end, seq++, "\"verdict\":\"refuted\",\"summary\":\"bench\",\"evidence\":[],"
                    + "\"timeToDetect\":[],\"timeToRecoverMs\":null"));
            out.write(event("run.ended", end, seq, "\"verdict\":\"refuted\""));
        }
    }

    private static String event(String type, long t, long seq, String fields) {
        return "{\"type\":\"" + type + "\",\"t\":" + t + ",\"seq\":" + seq + "," + fields + "}\n";
    }
}
