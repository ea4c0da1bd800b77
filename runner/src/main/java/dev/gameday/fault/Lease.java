package dev.gameday.fault;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who holds the lease on a proxy of a remote Toxiproxy server: a run, by id, host and process. A lease
 * is a disabled proxy named {@code gameday-lease-<proxy>} on that server — creating it is atomic (a
 * second create of the same name is a 409), it is visible to every run on any host through the
 * Toxiproxy API alone, and, disabled, it listens nowhere. Its upstream names the holder as a host
 * name under {@code .invalid} (RFC 2606: never resolves), e.g.
 * {@code 3f0c…-9a1e.pid-4242-1732999999000.build-7.gameday-lease.invalid:9}.
 */
public record Lease(String runId, String host, long pid, Long processStart) {
    public static final String PROXY_PREFIX = "gameday-lease-";
    /** Where a lease proxy "listens": it is created disabled, so nothing is ever bound. */
    public static final String LISTEN = "127.0.0.1:0";
    private static final String SUFFIX = ".gameday-lease.invalid:9";
    private static final Pattern UPSTREAM = Pattern.compile(
            "([a-z0-9-]+)\\.pid-([0-9]+)(?:-([0-9]+))?\\.(.+)" + Pattern.quote(SUFFIX));

    /** This process, holding leases for run {@code runId}. */
    public static Lease of(String runId) {
        ProcessHandle me = ProcessHandle.current();
        return new Lease(label(runId), thisHost(), me.pid(),
                me.info().startInstant().map(Instant::toEpochMilli).orElse(null));
    }

    /** The name of the lease proxy that guards {@code proxy}. */
    public static String proxyName(String proxy) {
        return PROXY_PREFIX + proxy;
    }

    /** This machine's name as a lease and {@code run.started} record it ({@link #normalHost}). */
    public static String thisHost() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                name = "unknown";
            }
        }
        return normalHost(name);
    }

    /** True when {@code host} (as a journal recorded it) names this machine. */
    public static boolean isThisHost(String host) {
        return host != null && normalHost(host).equals(thisHost());
    }

    /** A host name as DNS labels in lower case, so that it fits in a lease's upstream. */
    static String normalHost(String name) {
        StringBuilder b = new StringBuilder();
        for (String part : name.split("\\.")) {
            String l = label(part);
            if (!l.isEmpty()) {
                b.append(b.length() == 0 ? "" : ".").append(l);
            }
        }
        return b.length() == 0 ? "unknown" : b.toString();
    }

    /** The lease proxy's upstream, which names this holder. */
    public String upstream() {
        return runId + ".pid-" + pid + (processStart == null ? "" : "-" + processStart) + "." + host + SUFFIX;
    }

    /** The holder a lease proxy's upstream names; empty when it is not a lease's. */
    public static Optional<Lease> parse(String upstream) {
        Matcher m = upstream == null ? null : UPSTREAM.matcher(upstream);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Lease(m.group(1), m.group(4), Long.parseLong(m.group(2)),
                m.group(3) == null ? null : Long.parseLong(m.group(3))));
    }

    /** True when the holder is a process of this machine that is no longer running. */
    public boolean holderGone() {
        return isThisHost(host) && !alive(pid, processStart);
    }

    @Override
    public String toString() {
        return "run " + runId + " on host " + host + " (pid " + pid + ")";
    }

    /**
     * Whether process {@code pid} runs (with the same start time ±1 s, when known, so a reused pid is
     * not mistaken for it). A process killed with {@code kill -9} stays a zombie until its parent reaps
     * it — in a container whose init never reaps, forever — and {@link ProcessHandle#isAlive} still
     * says alive then: a zombie counts as gone.
     */
    public static boolean alive(long pid, Long processStart) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> !zombie(p.pid()))
                .filter(p -> processStart == null || p.info().startInstant()
                        .map(s -> Math.abs(s.toEpochMilli() - processStart) <= 1000)
                        .orElse(true))
                .isPresent();
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int afterName = stat.lastIndexOf(')');
            return afterName > 0 && afterName + 2 < stat.length() && stat.charAt(afterName + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** One DNS label: lower case letters, digits and hyphens, at most 63 characters. */
    private static String label(String s) {
        String l = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return l.length() > 63 ? l.substring(0, 63) : l;
    }
}
