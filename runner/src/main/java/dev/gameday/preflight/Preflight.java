package dev.gameday.preflight;

import dev.gameday.experiment.Experiment;
import dev.gameday.experiment.Probe;
import dev.gameday.experiment.ProxySpec;
import dev.gameday.experiment.Redactor;
import dev.gameday.experiment.Step;
import dev.gameday.fault.FaultLedger;
import dev.gameday.fault.FaultServer;
import dev.gameday.fault.Lease;
import dev.gameday.fault.Leases;
import dev.gameday.hypothesis.ProbeSampler;
import dev.gameday.hypothesis.Sample;
import dev.gameday.journal.JournalEvent;
import dev.gameday.journal.ProxyCreated;
import dev.gameday.journal.ProxyCreating;
import dev.gameday.journal.ProxyReplaced;
import dev.gameday.report.premortem.PreflightCheck;
import dev.gameday.text.Failures;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The pre-flight of {@code run}, {@code run --dry-run} and {@code premortem --check}, one and the same:
 * Toxiproxy answers; every proxy of the experiment exists as the experiment describes it (created,
 * reused only when its listen and upstream match, or replaced with {@code --replace-proxies}); every
 * proxy a fault names exists; every proxy's upstream accepts connections; every probe's target answers
 * through the proxies. The probe attempts here warm up connections and are not judged. A run then
 * judges the steady state over its {@code before} phase; a dry run and a check sample it the same way
 * ({@link SteadyStateCheck}).
 */
public final class Preflight {
    /** Samples per probe until the target has answered once: a cold first connection must not fail it. */
    public static final int ANSWER_ATTEMPTS = 3;
    private static final int CONNECT_TIMEOUT_MS = 2000;
    /** How long a connection through a remote proxy must stay open to show that its upstream accepted it. */
    private static final int UPSTREAM_EOF_WAIT_MS = 300;

    private final Experiment experiment;
    private final FaultServer server;
    private final FaultLedger ledger;
    private final boolean replaceProxies;
    private final Consumer<JournalEvent> journal;
    private final List<PreflightCheck> checks = new ArrayList<>();

    /** {@code journal} gets each proxy the run creates, reuses or replaces, as soon as it is done. */
    public Preflight(Experiment experiment, FaultServer server, FaultLedger ledger, boolean replaceProxies,
            Consumer<JournalEvent> journal) {
        this.experiment = experiment;
        this.server = server;
        this.ledger = ledger;
        this.replaceProxies = replaceProxies;
        this.journal = journal;
    }

    /** What was checked so far, passed or not, in order. */
    public List<PreflightCheck> checks() {
        return List.copyOf(checks);
    }

    /**
     * Blocking: finds, creates or replaces every proxy, checks that every fault's proxy exists and
     * that every upstream accepts connections. Returns the proxies by name.
     */
    public Map<String, Proxy> proxies() throws PreflightFailure {
        ToxiproxyClient client = server.client();
        Map<String, Proxy> existing = new HashMap<>();
        String where = "Toxiproxy at " + server.url();
        try {
            client.getProxies().forEach(p -> existing.put(p.getName(), p));
        } catch (IOException e) {
            throw fail(where + " answers", where + " is unreachable (" + e.getMessage() + ")", false);
        }
        pass(where + " answers", server.embedded() ? "embedded, started by Gameday on 127.0.0.1"
                : existing.size() + " proxies on the server");
        if (!server.embedded()) {
            // Before anything is created or reused: a second run must never work on the first one's proxies.
            Set<String> used = new LinkedHashSet<>();
            experiment.proxies().forEach(p -> used.add(p.name()));
            used.addAll(faultProxies());
            for (String name : used) {
                lease(name);
            }
        }
        Map<String, Proxy> proxies = new LinkedHashMap<>();
        for (ProxySpec spec : experiment.proxies()) {
            proxies.put(spec.name(), prepare(spec, existing.get(spec.name()), client));
        }
        for (String name : faultProxies()) {
            Proxy p = proxies.computeIfAbsent(name, existing::get);
            if (p == null) {
                throw fail("proxy " + name + " exists", "a fault uses proxy '" + name + "', which is neither in "
                        + "proxies: nor on " + where, false);
            }
        }
        for (Proxy p : proxies.values()) {
            upstreamAccepts(p);
        }
        return proxies;
    }

    /** Takes the run's lease on a proxy of the remote server (see {@link dev.gameday.fault.Lease}). */
    private void lease(String proxy) throws PreflightFailure {
        String name = "lease on proxy " + proxy;
        try {
            FaultLedger.Leased leased = ledger.lease(proxy).orElseThrow(() -> interrupted(name));
            pass(name, leased.reclaimedFrom() == null ? "held by this run (" + Lease.proxyName(proxy) + ")"
                    : "taken back from " + leased.reclaimedFrom() + ", which is no longer running (its toxics on "
                            + proxy + " were removed)");
        } catch (Leases.Held held) {
            throw fail(name, held.getMessage() + " on " + server.url() + ": two runs on one proxy would measure "
                    + "each other's faults. Wait until it ends" + (held.holder() == null ? ""
                            : ", or, if it is dead, run `gameday recover` on host " + held.holder().host()), false);
        } catch (IOException e) {
            throw fail(name, "cannot take the lease on proxy " + proxy + " (" + Lease.proxyName(proxy) + ") on "
                    + server.url() + ": " + e.getMessage(), false);
        }
    }

    private Proxy prepare(ProxySpec spec, Proxy found, ToxiproxyClient client) throws PreflightFailure {
        String name = "proxy " + spec.name();
        try {
            if (found == null) {
                Proxy p = ledger.createProxy(new ProxyCreating(spec.name(), spec.listen(), spec.upstream(), null),
                        () -> client.createProxy(spec.name(), spec.listen(), spec.upstream()))
                        .orElseThrow(() -> interrupted(name));
                journal.accept(new ProxyCreated(p.getName(), p.getListen(), p.getUpstream(), true));
                pass(name, "created: " + p.getListen() + " -> " + p.getUpstream());
                return p;
            }
            if (sameAddress(found.getListen(), spec.listen(), true) && sameAddress(found.getUpstream(), spec.upstream(), false)) {
                journal.accept(new ProxyCreated(found.getName(), found.getListen(), found.getUpstream(), false));
                pass(name, "already on the server with the same listen and upstream: reused (" + found.getListen()
                        + " -> " + found.getUpstream() + ")");
                return found;
            }
            String both = "on " + server.url() + " it listens on " + found.getListen() + " -> " + found.getUpstream()
                    + "; the experiment wants " + spec.listen() + " -> " + spec.upstream();
            if (!replaceProxies) {
                throw fail(name, "proxy '" + spec.name() + "' already exists with another address: " + both
                        + ". A fault on it would hit traffic the experiment does not describe. Rename the proxy in "
                        + "the experiment, or run with --replace-proxies to recreate it for the run (the original "
                        + "is put back at the end)", true);
            }
            boolean enabled = found.isEnabled();
            String listen = found.getListen();
            String upstream = found.getUpstream();
            Proxy p = ledger.replaceProxy(found, new ProxyCreating(spec.name(), spec.listen(), spec.upstream(),
                            new ProxyCreating.Original(listen, upstream, enabled)),
                    () -> client.createProxy(spec.name(), spec.listen(), spec.upstream()),
                    () -> {
                        Proxy original = client.createProxy(spec.name(), listen, upstream);
                        if (!enabled) {
                            original.disable();
                        }
                        return original;
                    }).orElseThrow(() -> interrupted(name));
            journal.accept(new ProxyReplaced(spec.name(), listen, upstream, enabled));
            journal.accept(new ProxyCreated(p.getName(), p.getListen(), p.getUpstream(), true));
            pass(name, "replaced for the run (--replace-proxies): " + both);
            return p;
        } catch (IOException e) {
            String answer = Failures.message(e).replaceFirst("^\\[[0-9]{3}] ", "");
            if (answer.contains("address already in use")) {
                throw fail(name, "cannot create proxy '" + spec.name() + "': its listen address " + spec.listen()
                        + " is already in use on the Toxiproxy host (" + server.url() + " says: " + answer
                        + "). Give the proxy a free listen port, or stop what listens there", false);
            }
            throw fail(name, "cannot create proxy '" + spec.name() + "' (" + spec.listen() + " -> " + spec.upstream()
                    + ") on " + server.url() + ": " + answer, false);
        }
    }

    /**
     * The upstream must accept connections: connected to directly when the proxy is embedded (it dials
     * from this machine); through the proxy when remote (the server dials it, so a connection it
     * closes at once means it could not).
     */
    private void upstreamAccepts(Proxy p) throws PreflightFailure {
        String name = "upstream of proxy " + p.getName() + " (" + p.getUpstream() + ")";
        try {
            if (server.embedded()) {
                long start = System.nanoTime();
                try (Socket s = new Socket()) {
                    s.connect(address(p.getUpstream()), CONNECT_TIMEOUT_MS);
                }
                pass(name + " accepts connections", "connected in " + (System.nanoTime() - start) / 1_000_000 + " ms");
                return;
            }
            try (Socket s = new Socket()) {
                s.connect(throughProxy(p.getListen()), CONNECT_TIMEOUT_MS);
                s.setSoTimeout(UPSTREAM_EOF_WAIT_MS);
                InputStream in = s.getInputStream();
                try {
                    if (in.read() < 0) {
                        throw new IOException("the proxy closed the connection at once: the Toxiproxy server could "
                                + "not reach the upstream");
                    }
                } catch (SocketTimeoutException stillOpen) {
                    // The server kept the connection: it reached the upstream, which waits for us to speak.
                }
            }
            pass(name + " accepts connections", "a connection through the proxy stayed open");
        } catch (IOException | IllegalArgumentException e) {
            throw fail(name + " accepts connections", "proxy " + p.getName() + ": its upstream " + p.getUpstream()
                    + " does not accept connections (" + e.getMessage() + "): start that dependency, or fix the "
                    + "proxy's upstream; a fault on a proxy with nothing behind it proves nothing", false);
        }
    }

    /**
     * Every probe's target answers, through the proxies just prepared: up to {@link #ANSWER_ATTEMPTS}
     * samples, so that a cold first connection does not fail the run (these warm-ups are not judged).
     */
    public Future<Void> probesAnswer(Vertx vertx, Redactor redactor) {
        List<Future<Void>> all = new ArrayList<>();
        for (Probe p : experiment.steadyState().probes()) {
            all.add(answers(vertx, p, redactor, ANSWER_ATTEMPTS).map(s -> {
                synchronized (checks) {
                    checks.add(new PreflightCheck("probe " + p.name() + " answers", true, String.format(Locale.ROOT,
                            "%s in %.0f ms", s.ok() ? "answered" : "answered, but fails its check (" + s.error() + ")",
                            s.latencyMs())));
                }
                return null;
            }));
        }
        return Future.all(all).mapEmpty();
    }

    private Future<Sample> answers(Vertx vertx, Probe p, Redactor redactor, int attempts) {
        return ProbeSampler.sampleOnce(vertx, p, redactor).compose(s -> {
            if (s.answered()) {
                return Future.succeededFuture(s);
            }
            if (attempts > 1) {
                return answers(vertx, p, redactor, attempts - 1);
            }
            String detail = "target does not answer (" + s.error() + ")";
            synchronized (checks) {
                checks.add(new PreflightCheck("probe " + p.name() + " answers", false, detail));
            }
            return Future.failedFuture(new PreflightFailure("probe " + p.name() + ": " + detail, false));
        });
    }

    /** The proxies the method's faults act on. */
    Set<String> faultProxies() {
        Set<String> names = new LinkedHashSet<>();
        collect(experiment.method(), names);
        return names;
    }

    private static void collect(List<Step> steps, Set<String> names) {
        for (Step s : steps) {
            if (s.fault() != null) {
                names.add(s.fault().proxy());
            }
            collect(s.parallel(), names);
        }
    }

    private void pass(String name, String detail) {
        synchronized (checks) {
            checks.add(new PreflightCheck(name, true, detail));
        }
    }

    private PreflightFailure fail(String name, String message, boolean conflict) {
        synchronized (checks) {
            checks.add(new PreflightCheck(name, false, message));
        }
        return new PreflightFailure(message, conflict);
    }

    private static PreflightFailure interrupted(String name) {
        return new PreflightFailure(name + ": the run was interrupted", false);
    }

    /** Whether two {@code host:port} addresses are the same (hosts by name or by resolved address). */
    static boolean sameAddress(String actual, String wanted, boolean listen) {
        int a = actual.lastIndexOf(':');
        int w = wanted.lastIndexOf(':');
        if (a < 0 || w < 0) {
            return actual.equalsIgnoreCase(wanted);
        }
        String wantedPort = wanted.substring(w + 1);
        boolean anyPort = listen && wantedPort.equals("0");
        if (!anyPort && !actual.substring(a + 1).equals(wantedPort)) {
            return false;
        }
        String actualHost = unbracket(actual.substring(0, a));
        String wantedHost = unbracket(wanted.substring(0, w));
        if (actualHost.equalsIgnoreCase(wantedHost)) {
            return true;
        }
        try {
            return InetAddress.getByName(actualHost).equals(InetAddress.getByName(wantedHost));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return new InetSocketAddress(unbracket(hostPort.substring(0, colon)),
                Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /** Where to reach a remote proxy's listener from here: its own host unless it listens on every address. */
    private InetSocketAddress throughProxy(String listen) {
        InetSocketAddress at = address(listen);
        String host = at.getHostString();
        boolean wildcard = host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0")
                || host.isEmpty();
        return wildcard ? new InetSocketAddress(server.url().getHost(), at.getPort()) : at;
    }
}
