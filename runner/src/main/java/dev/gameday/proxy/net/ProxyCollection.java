package dev.gameday.proxy.net;

import dev.gameday.proxy.toxic.ConfiguredToxic;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every proxy of one server, by name: the operations behind Toxiproxy's HTTP API. Not thread-safe:
 * the API calls it from its own event loop only.
 */
public final class ProxyCollection {

    /** A proxy as asked for: {@code listen} may be null (127.0.0.1, any port). */
    public record ProxyInput(String name, String listen, String upstream, boolean enabled) {}

    private final Transport transport;
    private final Context api;
    private final Map<String, Proxy> proxies = new LinkedHashMap<>();

    /** Proxies on {@code transport}, driven from the {@code api} context. */
    public ProxyCollection(Transport transport, Context api) {
        this.transport = transport;
        this.api = api;
    }

    public Collection<Proxy> all() {
        return List.copyOf(proxies.values());
    }

    public Proxy get(String name) {
        Proxy proxy = proxies.get(name);
        if (proxy == null) {
            throw new ProxyError(404, "proxy not found");
        }
        return proxy;
    }

    public Future<Proxy> create(ProxyInput input) {
        if (proxies.containsKey(input.name())) {
            return Future.failedFuture(new ProxyError(409, "proxy already exists"));
        }
        Proxy proxy = newProxy(input);
        return startIf(proxy, input.enabled()).map(v -> {
            proxies.put(proxy.name(), proxy);
            return proxy;
        });
    }

    /**
     * Creates or replaces several proxies: one with the same name, listen and upstream is left alone.
     * Every input is checked before anything changes.
     */
    public Future<List<Proxy>> populate(List<ProxyInput> inputs) {
        List<Proxy> prepared = new ArrayList<>();
        try {
            for (ProxyInput input : inputs) {
                prepared.add(newProxy(input));
            }
        } catch (ProxyError e) {
            return Future.failedFuture(e);
        }
        Future<List<Proxy>> chain = Future.succeededFuture(new ArrayList<>());
        for (int i = 0; i < inputs.size(); i++) {
            ProxyInput input = inputs.get(i);
            Proxy proxy = prepared.get(i);
            chain = chain.compose(done -> addOrReplace(proxy, input.enabled()).map(result -> {
                done.add(result);
                return done;
            }));
        }
        return chain;
    }

    private Future<Proxy> addOrReplace(Proxy proxy, boolean enabled) {
        Proxy existing = proxies.get(proxy.name());
        if (existing != null && existing.listen().equals(proxy.listen()) && existing.upstream().equals(proxy.upstream())) {
            return Future.succeededFuture(existing);
        }
        Future<Void> stopped = existing == null ? Future.succeededFuture() : existing.stop();
        return stopped.compose(v -> startIf(proxy, enabled)).map(v -> {
            proxies.put(proxy.name(), proxy);
            return proxy;
        });
    }

    /** Partial update: a new listen or upstream restarts the proxy; {@code enabled: false} is an outage. */
    public Future<Proxy> update(String name, String listen, String upstream, Boolean enabled) {
        Proxy proxy = get(name);
        HostPort newListen = listen == null ? HostPort.parse(proxy.listen(), "listen") : HostPort.parse(listen, "listen");
        HostPort newUpstream = upstream == null ? HostPort.parse(proxy.upstream(), "upstream") : HostPort.parse(upstream, "upstream");
        boolean enable = enabled == null ? proxy.enabled() : enabled;
        Future<Void> moved = newListen.toString().equals(proxy.listen()) && newUpstream.toString().equals(proxy.upstream())
                ? Future.succeededFuture()
                : proxy.moveTo(newListen, newUpstream);
        return moved.compose(v -> enable ? proxy.start() : proxy.stop()).map(proxy);
    }

    public Future<Void> delete(String name) {
        Proxy proxy = get(name);
        proxies.remove(name);
        return proxy.stop();
    }

    /** Enables every proxy and removes every toxic. */
    public Future<Void> reset() {
        List<Future<Void>> done = new ArrayList<>();
        for (Proxy proxy : proxies.values()) {
            done.add(proxy.removeAllToxics());
            done.add(proxy.start());
        }
        return Future.all(done).mapEmpty();
    }

    /** Adds a toxic; completes once the proxy's live connections have it. */
    public Future<ConfiguredToxic> addToxic(String proxyName, ConfiguredToxic toxic) {
        return get(proxyName).addToxic(toxic).map(toxic);
    }

    public Future<ConfiguredToxic> updateToxic(String proxyName, ConfiguredToxic toxic) {
        return get(proxyName).updateToxic(toxic).map(toxic);
    }

    public Future<Void> removeToxic(String proxyName, String toxicName) {
        return get(proxyName).removeToxic(toxicName);
    }

    /** Stops every proxy. */
    public Future<Void> close() {
        List<Future<Void>> stopped = new ArrayList<>();
        proxies.values().forEach(p -> stopped.add(p.stop()));
        proxies.clear();
        return Future.join(stopped).mapEmpty();
    }

    private Proxy newProxy(ProxyInput input) {
        HostPort listen = HostPort.parse(input.listen() == null || input.listen().isEmpty() ? "127.0.0.1:0" : input.listen(), "listen");
        HostPort upstream = HostPort.parse(input.upstream(), "upstream");
        return new Proxy(transport, api, input.name(), listen, upstream);
    }

    private static Future<Void> startIf(Proxy proxy, boolean enabled) {
        return enabled ? proxy.start() : Future.succeededFuture();
    }
}
