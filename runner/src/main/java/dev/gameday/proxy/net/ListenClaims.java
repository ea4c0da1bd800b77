package dev.gameday.proxy.net;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;

/**
 * The fixed ports this Vert.x instance's proxy APIs listen on. Vert.x shares one socket between servers
 * of the same instance listening on the same host and port (round-robin), where Toxiproxy would get
 * "address already in use": the claim restores that error.
 */
public final class ListenClaims {

    private final LocalMap<String, Boolean> claimed;

    public ListenClaims(Vertx vertx) {
        this.claimed = vertx.sharedData().getLocalMap(ListenClaims.class.getName());
    }

    /** Claims {@code address} (port 0 needs no claim); false when already claimed. */
    public boolean claim(HostPort address) {
        return address.port() == 0 || claimed.putIfAbsent(key(address), Boolean.TRUE) == null;
    }

    public void release(HostPort address) {
        if (address.port() != 0) {
            claimed.remove(key(address));
        }
    }

    private static String key(HostPort address) {
        return address.resolved().toString();
    }
}
