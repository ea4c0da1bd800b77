package dev.gameday.fault;

import dev.gameday.experiment.ToxiproxyTarget;
import dev.gameday.proxy.EmbeddedToxiproxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.vertx.core.Vertx;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The Toxiproxy server faults go through: Gameday's embedded one, started on 127.0.0.1 on its own
 * Vert.x instance (so its API keeps answering the cleanup even when the engine's event loop is stuck),
 * or a remote server named by the experiment. {@link #close()} stops an embedded one.
 */
public final class FaultServer implements AutoCloseable {
    private final URI url;
    private final Vertx vertx;
    private final EmbeddedToxiproxy embedded;

    private FaultServer(URI url, Vertx vertx, EmbeddedToxiproxy embedded) {
        this.url = url;
        this.vertx = vertx;
        this.embedded = embedded;
    }

    public static FaultServer open(ToxiproxyTarget target) {
        if (!target.embedded()) {
            return new FaultServer(target.url(), null, null);
        }
        Vertx vertx = Vertx.vertx();
        try {
            EmbeddedToxiproxy proxy = EmbeddedToxiproxy.start(vertx, "127.0.0.1", 0).await();
            return new FaultServer(URI.create(proxy.url()), vertx, proxy);
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    public URI url() {
        return url;
    }

    public boolean embedded() {
        return embedded != null;
    }

    public ToxiproxyClient client() {
        return ToxiproxyClients.forUrl(url);
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close().await(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Closing the Vert.x instance below closes whatever is left.
            }
            vertx.close();
        }
    }
}
