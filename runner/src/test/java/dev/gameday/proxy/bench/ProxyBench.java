package dev.gameday.proxy.bench;

import dev.gameday.proxy.EmbeddedToxiproxy;
import dev.gameday.proxy.net.Transport;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Measures the embedded proxy on loopback, side by side with direct connections: ping-pong round trip
 * of 64-byte messages, bulk throughput of 1 GiB, accuracy of a 100 ms latency toxic over 1,000 round
 * trips, and the time from the API call adding a toxic to the first byte it affects; on each transport
 * of {@code -Dbench.transports} (default {@code epoll,nio}), each against direct loopback measured in
 * the same run ({@code -Dbench.measures=pingpong,throughput,latency,effect} picks some). Prints
 * Markdown tables for BENCHMARKS.md. Run with:
 * {@code mvn -q -B -pl runner -am test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.gameday.proxy.bench.ProxyBench}
 */
public final class ProxyBench {

    private static final int MESSAGE = 64;
    private static final long GIB = 1L << 30;
    private static final List<String> ROWS = new ArrayList<>();

    private ProxyBench() {}

    public static void main(String[] args) throws Exception {
        int roundTrips = Integer.getInteger("bench.roundTrips", 100_000);
        List<String> tables = new ArrayList<>();
        for (String transport : System.getProperty("bench.transports", "epoll,nio").split(",")) {
            System.setProperty(Transport.PROPERTY, transport.strip());
            ROWS.clear();
            measure(roundTrips);
            tables.add(transport.strip());
            tables.addAll(ROWS);
        }
        System.out.println();
        System.out.println("load average after the run: " + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
        for (String line : tables) {
            if (!line.startsWith("|")) {
                System.out.println();
                System.out.println("transport " + line + ":");
                System.out.println();
                System.out.println("| measure | result | goal | verdict |");
                System.out.println("|---|---|---|---|");
            } else {
                System.out.println(line);
            }
        }
    }

    /** Every measure against one proxy server on the transport {@link Transport#PROPERTY} names. */
    private static void measure(int roundTrips) throws Exception {
        Vertx vertx = Vertx.vertx();
        EmbeddedToxiproxy server = join(EmbeddedToxiproxy.start(vertx, "127.0.0.1", 0));
        System.out.println("transport " + server.transport() + ", load average " + java.nio.file.Files.readString(
                java.nio.file.Path.of("/proc/loadavg")).strip());
        ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", server.port());
        ExecutorService servers = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "bench-upstream");
            thread.setDaemon(true);
            return thread;
        });
        try (ServerSocket echo = listen(); ServerSocket sink = listen()) {
            servers.submit(() -> serve(echo, servers, ProxyBench::echo));
            servers.submit(() -> serve(sink, servers, ProxyBench::drain));
            Proxy echoProxy = client.createProxy("echo", "127.0.0.1:0", "127.0.0.1:" + echo.getLocalPort());
            Proxy sinkProxy = client.createProxy("sink", "127.0.0.1:0", "127.0.0.1:" + sink.getLocalPort());
            int echoViaProxy = port(echoProxy.getListen());

            List<String> measures = List.of(System.getProperty("bench.measures", "pingpong,throughput,latency,effect").split(","));
            if (measures.contains("pingpong")) {
                pingPong(echo.getLocalPort(), echoViaProxy, roundTrips);
            }
            if (measures.contains("throughput")) {
                throughput(sink.getLocalPort(), port(sinkProxy.getListen()));
            }
            if (measures.contains("latency")) {
                latencyAccuracy(echoProxy, echoViaProxy);
            }
            if (measures.contains("effect")) {
                timeToEffect(echoProxy, echoViaProxy);
            }
        } finally {
            join(server.close());
            join(vertx.close());
            servers.shutdownNow();
        }
    }

    private static void row(String measure, String result, String goal, boolean pass) {
        String line = "| " + measure + " | " + result + " | " + goal + " | " + (pass ? "pass" : "MISS") + " |";
        ROWS.add(line);
        System.out.println(line);
    }

    /** Direct and proxied round trips in ten alternating blocks, so drift on the shared machine hits both alike. */
    private static void pingPong(int direct, int viaProxy, int roundTrips) throws IOException {
        Histogram directRtt = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        Histogram proxyRtt = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        long loopCpu = 0;
        long loopUserCpu = 0;
        try (Socket directSocket = connect(direct); Socket proxySocket = connect(viaProxy)) {
            roundTrips(directSocket, roundTrips / 5, null);
            roundTrips(proxySocket, roundTrips / 5, null);
            for (int block = 0; block < 10; block++) {
                roundTrips(directSocket, roundTrips / 10, directRtt);
                long loop = cpuNanos("gameday-proxy-");
                long loopUser = userNanos("gameday-proxy-");
                roundTrips(proxySocket, roundTrips / 10, proxyRtt);
                loopCpu += cpuNanos("gameday-proxy-") - loop;
                loopUserCpu += userNanos("gameday-proxy-") - loopUser;
            }
        }
        double addedP50 = micros(proxyRtt.getValueAtPercentile(50) - directRtt.getValueAtPercentile(50));
        double addedP99 = micros(proxyRtt.getValueAtPercentile(99) - directRtt.getValueAtPercentile(99));
        row("64 B ping-pong RTT, direct (" + roundTrips + " round trips)", percentiles(directRtt), "", true);
        row("64 B ping-pong RTT, through proxy, no toxics", percentiles(proxyRtt), "", true);
        row("added by the proxy, p50", format(addedP50) + " µs", "≤ 20 µs", addedP50 <= 20);
        row("added by the proxy, p99", format(addedP99) + " µs", "≤ 200 µs", addedP99 <= 200);
        // the rest of the added time is waiting: two more thread wake-ups per round trip
        int measured = roundTrips / 10 * 10;
        row("CPU of the proxy's event loops per round trip (of it in user space)", format(micros(loopCpu / measured)) + " µs ("
                + format(micros(loopUserCpu / measured)) + " µs)", "", true);
    }

    /** {@code count} 64-byte round trips on {@code socket}, recorded in {@code histogram} unless null. */
    private static void roundTrips(Socket socket, int count, Histogram histogram) throws IOException {
        byte[] message = new byte[MESSAGE];
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            out.write(message);
            readFully(in, message);
            if (histogram != null) {
                histogram.recordValue(System.nanoTime() - start);
            }
        }
    }

    /** Three alternating rounds of 1 GiB each way; the medians, as the machine is shared. */
    private static void throughput(int direct, int viaProxy) throws IOException {
        transfer(direct, GIB / 8);
        transfer(viaProxy, GIB / 8);
        double[] directRates = new double[3];
        double[] proxyRates = new double[3];
        long endsCpu = 0;
        long loopCpu = 0;
        for (int round = 0; round < 3; round++) {
            directRates[round] = transfer(direct, GIB);
            long ends = endsCpuNanos();
            long loop = cpuNanos("gameday-proxy-");
            proxyRates[round] = transfer(viaProxy, GIB);
            endsCpu += endsCpuNanos() - ends;
            loopCpu += cpuNanos("gameday-proxy-") - loop;
        }
        java.util.Arrays.sort(directRates);
        java.util.Arrays.sort(proxyRates);
        double directRate = directRates[1];
        double proxyRate = proxyRates[1];
        row("1 GiB bulk transfer, direct (median of 3)", format(directRate / 1e9) + " GB/s (range " + format(directRates[0] / 1e9)
                + "–" + format(directRates[2] / 1e9) + ")", "", true);
        row("1 GiB bulk transfer, through proxy (median of 3)", format(proxyRate / 1e9) + " GB/s (range " + format(proxyRates[0] / 1e9)
                + "–" + format(proxyRates[2] / 1e9) + ")", "≥ 1 GB/s", proxyRate >= 1e9);
        row("proxy / direct throughput", format(proxyRate / directRate), "≥ 0.6", proxyRate >= 0.6 * directRate);
        // CPU time does not depend on the machine's load as wall time does: a proxied GiB costs the ends' copies plus the proxy's
        row("CPU per proxied GiB: client + sink threads / the proxy's event loops", format(endsCpu / 3e9) + " s / "
                + format(loopCpu / 3e9) + " s", "", true);
    }

    /** CPU time so far of the client (this thread) and the upstream servers' threads. */
    private static long endsCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() + cpuNanos("bench-upstream");
    }

    /** User-space CPU time so far of the live threads whose names start with {@code prefix}. */
    private static long userNanos(String prefix) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo thread : threads.dumpAllThreads(false, false)) {
            if (thread.getThreadName().startsWith(prefix)) {
                sum += Math.max(0, threads.getThreadUserTime(thread.getThreadId()));
            }
        }
        return sum;
    }

    /** CPU time so far of the live threads whose names start with {@code prefix}. */
    private static long cpuNanos(String prefix) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo thread : threads.dumpAllThreads(false, false)) {
            if (thread.getThreadName().startsWith(prefix)) {
                sum += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return sum;
    }

    /** Sends {@code bytes}, half-closes, waits for the sink's one-byte receipt; returns bytes/s. */
    private static double transfer(int port, long bytes) throws IOException {
        byte[] block = new byte[256 * 1024];
        try (Socket socket = connect(port)) {
            long start = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            for (long sent = 0; sent < bytes; sent += block.length) {
                out.write(block, 0, (int) Math.min(block.length, bytes - sent));
            }
            socket.shutdownOutput();
            if (socket.getInputStream().read() != 1) {
                throw new IOException("the sink did not confirm the transfer");
            }
            return bytes / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void latencyAccuracy(Proxy proxy, int viaProxy) throws Exception {
        Latency latency = proxy.toxics().latency("accuracy", ToxicDirection.DOWNSTREAM, 100);
        int connections = 10;
        int perConnection = 100;
        Histogram excess = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<java.util.concurrent.Future<Histogram>> runs = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                // staggered by 10 ms: ten clients waking in the same instant would measure the 2 cores, not the toxic
                long stagger = c * 10L;
                runs.add(pool.submit(() -> {
                    Thread.sleep(stagger);
                    Histogram rtt = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
                    try (Socket socket = connect(viaProxy)) {
                        // the first trip also waits for the proxy's connection upstream: not the toxic's doing
                        roundTrips(socket, 1, null);
                        roundTrips(socket, perConnection, rtt);
                    }
                    return rtt;
                }));
            }
            for (java.util.concurrent.Future<Histogram> run : runs) {
                Histogram rtt = run.get();
                for (var value : rtt.recordedValues()) {
                    excess.recordValueWithCount(Math.max(0, value.getValueIteratedTo() - TimeUnit.MILLISECONDS.toNanos(100)),
                            value.getCountAtValueIteratedTo());
                }
            }
        } finally {
            pool.shutdownNow();
            latency.remove();
        }
        double p99 = excess.getValueAtPercentile(99) / 1e6;
        row("100 ms latency toxic, observed − configured over " + excess.getTotalCount() + " round trips",
                "p50 " + format(excess.getValueAtPercentile(50) / 1e6) + " ms, p99 " + format(p99) + " ms, max "
                        + format(excess.getMaxValue() / 1e6) + " ms",
                "p99 ≤ 1.3 ms", p99 <= 1.3);
    }

    /**
     * A client ping-pongs without pause; the API adds a 500 ms latency toxic. The first delayed ping
     * was sent when the previous echo came back: that instant, minus the start of the API call, is
     * when the toxic took effect (to within one round trip).
     */
    private static void timeToEffect(Proxy proxy, int viaProxy) throws Exception {
        Histogram effect = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        Histogram apiCall = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        ExecutorService pinger = Executors.newSingleThreadExecutor();
        try {
            for (int run = -5; run < 20; run++) {
                try (Socket socket = connect(viaProxy)) {
                    var firstDelayedSentAt = pinger.submit(() -> firstDelayedPing(socket, TimeUnit.MILLISECONDS.toNanos(250)));
                    Thread.sleep(50);
                    long start = System.nanoTime();
                    proxy.toxics().latency("effect", ToxicDirection.DOWNSTREAM, 500);
                    long called = System.nanoTime() - start;
                    long effective = Math.max(0, firstDelayedSentAt.get() - start);
                    if (run >= 0) {
                        // the first runs only warm up the API path
                        apiCall.recordValue(called);
                        effect.recordValue(effective);
                    }
                    proxy.toxics().get("effect").remove();
                }
            }
        } finally {
            pinger.shutdownNow();
        }
        double p50 = effect.getValueAtPercentile(50) / 1e6;
        double max = effect.getMaxValue() / 1e6;
        row("API call adding a toxic → first affected byte (20 runs)",
                "p50 " + format(p50) + " ms, max " + format(max) + " ms (the API call itself: p50 "
                        + format(apiCall.getValueAtPercentile(50) / 1e6) + " ms)",
                "≤ 5 ms", max <= 5);
    }

    private static long firstDelayedPing(Socket socket, long delayedNanos) throws IOException {
        byte[] message = new byte[MESSAGE];
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        while (true) {
            long sent = System.nanoTime();
            out.write(message);
            readFully(in, message);
            if (System.nanoTime() - sent >= delayedNanos) {
                return sent;
            }
        }
    }

    private interface Handler {
        void handle(Socket socket) throws IOException;
    }

    private static void serve(ServerSocket server, ExecutorService pool, Handler handler) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                pool.submit(() -> {
                    try (socket) {
                        handler.handle(socket);
                    } catch (IOException e) {
                        // the client went away
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void echo(Socket socket) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
        }
    }

    private static void drain(Socket socket) throws IOException {
        byte[] buffer = new byte[256 * 1024];
        InputStream in = socket.getInputStream();
        while (in.read(buffer) >= 0) {
            // discard
        }
        socket.getOutputStream().write(1);
    }

    private static ServerSocket listen() throws IOException {
        return new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static void readFully(InputStream in, byte[] buffer) throws IOException {
        for (int read = 0; read < buffer.length; ) {
            int n = in.read(buffer, read, buffer.length - read);
            if (n < 0) {
                throw new IOException("connection closed");
            }
            read += n;
        }
    }

    private static int port(String listen) {
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }

    private static String percentiles(Histogram h) {
        return "p50 " + format(micros(h.getValueAtPercentile(50))) + " µs, p99 " + format(micros(h.getValueAtPercentile(99)))
                + " µs, p99.9 " + format(micros(h.getValueAtPercentile(99.9))) + " µs";
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }

    private static <T> T join(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
