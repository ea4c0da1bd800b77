package dev.gameday.proxy.net;

import dev.gameday.proxy.toxic.ToxicSpec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One named proxy: a listener on {@code listen} forwarding every connection to {@code upstream}
 * through its toxics. Disabled, it listens on nothing and has no connections. Called on the API's
 * event loop; toxic changes reach each live connection on that connection's loop.
 */
public final class Proxy {

    private final Vertx vertx;
    private final NetClient netClient;
    private final ListenClaims claims;
    private final String name;
    private final List<ToxicSpec> upstreamToxics = new ArrayList<>();
    private final List<ToxicSpec> downstreamToxics = new ArrayList<>();
    private final Set<ProxyConnection> connections = ConcurrentHashMap.newKeySet();
    private final TrafficCounters traffic = new TrafficCounters();
    private HostPort listen;
    private HostPort upstream;
    private NetServer server;
    private HostPort claimed;

    Proxy(Vertx vertx, NetClient netClient, ListenClaims claims, String name, HostPort listen, HostPort upstream) {
        this.vertx = vertx;
        this.netClient = netClient;
        this.claims = claims;
        this.name = name;
        this.listen = listen;
        this.upstream = upstream;
    }

    public String name() {
        return name;
    }

    /** The listen address; the bound port once started on port 0. */
    public String listen() {
        return listen.toString();
    }

    public String upstream() {
        return upstream.toString();
    }

    public boolean enabled() {
        return server != null;
    }

    /** What this proxy has carried since it was created. */
    public TrafficCounters.Totals traffic() {
        return traffic.totals();
    }

    /** Upstream toxics first, then downstream, each in the order they were added. */
    public List<ToxicSpec> toxics() {
        List<ToxicSpec> all = new ArrayList<>(upstreamToxics);
        all.addAll(downstreamToxics);
        return all;
    }

    Future<Void> start() {
        if (server != null) {
            return Future.succeededFuture();
        }
        HostPort address = listen;
        if (!claims.claim(address)) {
            return Future.failedFuture(bindError(address, "address already in use"));
        }
        NetServer starting = vertx.createNetServer(new NetServerOptions().setTcpNoDelay(true));
        starting.connectHandler(this::accept);
        return starting.listen(address.port(), address.host()).<Void>map(bound -> {
            server = starting;
            listen = new HostPort(address.host(), bound.actualPort()).resolved();
            claimed = listen;
            if (address.port() == 0) {
                claims.claim(listen);
            }
            return null;
        }).recover(failure -> {
            claims.release(address);
            return Future.failedFuture(bindError(address, BindFailure.reason(failure)));
        });
    }

    private static ProxyError bindError(HostPort address, String reason) {
        return new ProxyError(500, "listen tcp " + address + ": bind: " + reason);
    }

    /** Closes the listener and every connection at once (clients read EOF): an outage. */
    Future<Void> stop() {
        if (server == null) {
            return Future.succeededFuture();
        }
        NetServer stopping = server;
        server = null;
        claims.release(claimed);
        List<Future<Void>> closed = new ArrayList<>();
        closed.add(stopping.close());
        for (ProxyConnection connection : connections) {
            connection.run(() -> connection.closeWithin(0));
            closed.add(connection.done());
        }
        return Future.join(closed).mapEmpty();
    }

    /** Stops and moves to a new listen or upstream address. */
    Future<Void> moveTo(HostPort newListen, HostPort newUpstream) {
        return stop().andThen(done -> {
            listen = newListen;
            upstream = newUpstream;
        });
    }

    private void accept(NetSocket socket) {
        if (server == null) {
            socket.close();
            return;
        }
        traffic.accepted.increment();
        connections.add(ProxyConnection.open(socket, netClient, upstream.host(), upstream.port(),
                stream -> List.copyOf(toxics(stream)), traffic, connections::remove));
    }

    private List<ToxicSpec> toxics(ToxicSpec.Stream stream) {
        return stream == ToxicSpec.Stream.UPSTREAM ? upstreamToxics : downstreamToxics;
    }

    public ToxicSpec toxic(String toxicName) {
        for (ToxicSpec toxic : toxics()) {
            if (toxic.name().equals(toxicName)) {
                return toxic;
            }
        }
        return null;
    }

    void addToxic(ToxicSpec toxic) {
        if (toxic(toxic.name()) != null) {
            throw new ProxyError(409, "toxic already exists");
        }
        toxics(toxic.stream()).add(toxic);
        eachLink(toxic.stream(), link -> link.add(toxic));
    }

    void updateToxic(ToxicSpec toxic) {
        List<ToxicSpec> list = toxics(toxic.stream());
        list.replaceAll(t -> t.name().equals(toxic.name()) ? toxic : t);
        eachLink(toxic.stream(), link -> link.update(toxic));
    }

    void removeToxic(String toxicName) {
        ToxicSpec toxic = toxic(toxicName);
        if (toxic == null) {
            throw new ProxyError(404, "toxic not found");
        }
        toxics(toxic.stream()).remove(toxic);
        eachLink(toxic.stream(), link -> link.remove(toxicName));
    }

    void removeAllToxics() {
        toxics().forEach(t -> removeToxic(t.name()));
    }

    private void eachLink(ToxicSpec.Stream stream, java.util.function.Consumer<ToxicLink> change) {
        for (ProxyConnection connection : connections) {
            connection.run(() -> {
                ToxicLink link = connection.link(stream);
                if (link != null) {
                    change.accept(link);
                }
            });
        }
    }
}
