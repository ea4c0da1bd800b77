package dev.gameday.demo;

import dev.gameday.text.BindFailure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.HostAndPort;
import java.io.IOException;

/**
 * A small system to run experiments against: a storefront HTTP service that calls an inventory HTTP
 * service, normally through a proxy named {@code inventory} that the run creates. Both listen on
 * 127.0.0.1 and ignore any {@code Authorization} header. See {@code docs/demo.md}.
 */
public final class DemoSystem {
    static final String HOST = "127.0.0.1";

    private final HttpServer inventory;
    private final Storefront.Running storefront;

    private DemoSystem(HttpServer inventory, Storefront.Running storefront) {
        this.inventory = inventory;
        this.storefront = storefront;
    }

    /**
     * Starts inventory on {@code inventoryPort} and the storefront on {@code storefrontPort} (0 =
     * ephemeral). The storefront calls inventory at {@code inventoryAddress} ({@code host:port}, the
     * proxy's listen address in the demo); null means inventory itself, without a proxy.
     */
    public static Future<DemoSystem> start(Vertx vertx, int inventoryPort, int storefrontPort, String inventoryAddress) {
        return Inventory.start(vertx, inventoryPort).compose(inventory -> {
            HostAndPort target;
            try {
                target = inventoryAddress == null
                        ? HostAndPort.create(HOST, inventory.actualPort())
                        : parse(inventoryAddress);
            } catch (IllegalArgumentException e) {
                return inventory.close().transform(closed -> Future.<DemoSystem>failedFuture(e));
            }
            return Storefront.start(vertx, storefrontPort, target)
                    .map(storefront -> new DemoSystem(inventory, storefront))
                    .recover(failure -> inventory.close().transform(closed -> Future.failedFuture(failure)));
        });
    }

    /** A service that cannot listen says which one and where: "inventory cannot listen on 127.0.0.1:8081: …". */
    static <T> Future<T> listening(String service, int port, Future<T> listen) {
        return listen.recover(e -> {
            return Future.failedFuture(new IOException(service + " cannot listen on " + HOST + ":" + port + ": "
                    + BindFailure.reason(e), e));
        });
    }

    private static HostAndPort parse(String address) {
        int colon = address.lastIndexOf(':');
        try {
            int port = Integer.parseInt(address.substring(colon + 1));
            if (colon > 0 && port > 0 && port <= 65535) {
                return HostAndPort.create(address.substring(0, colon), port);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("inventory address must be host:port, got '" + address + "'");
    }

    public int inventoryPort() {
        return inventory.actualPort();
    }

    public int storefrontPort() {
        return storefront.server().actualPort();
    }

    public Future<Void> close() {
        return Future.join(storefront.close(), inventory.close()).mapEmpty();
    }
}
