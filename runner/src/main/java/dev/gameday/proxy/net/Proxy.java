package dev.gameday.proxy.net;

import dev.gameday.text.BindFailure;

import dev.gameday.proxy.toxic.ConfiguredToxic;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One named proxy: a listener on {@code listen} forwarding every connection to {@code upstream}
 * through its toxics. Disabled, it listens on nothing and has no connections. Called on the API's
 * Vert.x context (its futures complete there); the sockets live on the transport's event loops, and
 * toxic changes reach each live connection on that connection's loop.
 */
public final class Proxy {

    private final Transport transport;
    private final Context api;
    private final String name;
    private final List<ConfiguredToxic> upstreamToxics = new ArrayList<>();
    private final List<ConfiguredToxic> downstreamToxics = new ArrayList<>();
    private final Set<ProxyConnection> connections = ConcurrentHashMap.newKeySet();
    private final TrafficCounters traffic = new TrafficCounters();
    private HostPort listen;
    /** Read by the event loops as connections are accepted. */
    private volatile HostPort upstream;
    private Channel server;
    /** Whether the current listener may still take connections; false from the moment it stops. */
    private AtomicBoolean accepting = new AtomicBoolean();

    Proxy(Transport transport, Context api, String name, HostPort listen, HostPort upstream) {
        this.transport = transport;
        this.api = api;
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
    public synchronized List<ConfiguredToxic> toxics() {
        List<ConfiguredToxic> all = new ArrayList<>(upstreamToxics);
        all.addAll(downstreamToxics);
        return all;
    }

    Future<Void> start() {
        if (server != null) {
            return Future.succeededFuture();
        }
        HostPort address = listen;
        AtomicBoolean open = new AtomicBoolean(true);
        accepting = open;
        ChannelFuture binding = transport.server()
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel client) {
                        accept(client, open);
                    }
                })
                .bind(address.host(), address.port());
        return onApi(binding).<Void>map(v -> {
            server = binding.channel();
            listen = new HostPort(address.host(), ((InetSocketAddress) server.localAddress()).getPort()).resolved();
            return null;
        }).recover(failure -> Future.failedFuture(new ProxyError(500, "listen tcp " + address + ": bind: " + BindFailure.reason(failure))));
    }

    /** Closes the listener and every connection at once (clients read EOF): an outage. */
    Future<Void> stop() {
        if (server == null) {
            return Future.succeededFuture();
        }
        Channel stopping = server;
        server = null;
        accepting.set(false);
        List<Future<Void>> closed = new ArrayList<>();
        closed.add(onApi(stopping.close()));
        for (ProxyConnection connection : connections) {
            connection.run(() -> connection.closeWithin(0));
            closed.add(onApi(connection.done()));
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

    /** A Netty future as a Vert.x future completing on the API's context. */
    private Future<Void> onApi(io.netty.util.concurrent.Future<?> future) {
        Promise<Void> promise = Promise.promise();
        future.addListener(done -> api.runOnContext(v -> {
            if (done.isSuccess()) {
                promise.complete();
            } else {
                promise.fail(done.cause());
            }
        }));
        return promise.future();
    }

    /** On the accepted socket's event loop; {@code open} is the listener's flag. */
    private void accept(Channel client, AtomicBoolean open) {
        if (!open.get()) {
            client.close();
            return;
        }
        traffic.accepted.increment();
        ProxyConnection connection = ProxyConnection.open(client, transport, upstream, this::toxicsNow, traffic, connections::remove);
        connections.add(connection);
        if (!open.get()) {
            // stopped meanwhile: stop() may not have seen this connection
            connection.closeWithin(0);
        }
    }

    /** The toxics of a direction as a new connection starts; the API changes the lists on its own thread. */
    private synchronized List<ConfiguredToxic> toxicsNow(ConfiguredToxic.Stream stream) {
        return List.copyOf(toxics(stream));
    }

    private List<ConfiguredToxic> toxics(ConfiguredToxic.Stream stream) {
        return stream == ConfiguredToxic.Stream.UPSTREAM ? upstreamToxics : downstreamToxics;
    }

    public synchronized ConfiguredToxic toxic(String toxicName) {
        for (ConfiguredToxic toxic : toxics()) {
            if (toxic.name().equals(toxicName)) {
                return toxic;
            }
        }
        return null;
    }

    /** Adds a toxic; the future completes once every live connection has it (so later bytes meet it). */
    Future<Void> addToxic(ConfiguredToxic toxic) {
        synchronized (this) {
            if (toxic(toxic.name()) != null) {
                throw new ProxyError(409, "toxic already exists");
            }
            toxics(toxic.stream()).add(toxic);
        }
        return eachLink(toxic.stream(), link -> link.add(toxic));
    }

    Future<Void> updateToxic(ConfiguredToxic toxic) {
        synchronized (this) {
            toxics(toxic.stream()).replaceAll(t -> t.name().equals(toxic.name()) ? toxic : t);
        }
        return eachLink(toxic.stream(), link -> link.update(toxic));
    }

    Future<Void> removeToxic(String toxicName) {
        ConfiguredToxic toxic;
        synchronized (this) {
            toxic = toxic(toxicName);
            if (toxic == null) {
                throw new ProxyError(404, "toxic not found");
            }
            toxics(toxic.stream()).remove(toxic);
        }
        return eachLink(toxic.stream(), link -> link.remove(toxicName));
    }

    Future<Void> removeAllToxics() {
        return Future.all(toxics().stream().map(t -> removeToxic(t.name())).toList()).mapEmpty();
    }

    /**
     * Applies a change to that direction of every live connection, on the connection's loop; completes
     * when all have applied it, as Toxiproxy answers only once its links have changed.
     */
    private Future<Void> eachLink(ConfiguredToxic.Stream stream, java.util.function.Consumer<ToxicLink> change) {
        List<Future<Void>> applied = new ArrayList<>();
        for (ProxyConnection connection : connections) {
            applied.add(onApi(connection.submit(() -> {
                ToxicLink link = connection.link(stream);
                if (link != null) {
                    change.accept(link);
                }
            })));
        }
        return Future.all(applied).mapEmpty();
    }
}
