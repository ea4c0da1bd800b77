package dev.gameday.proxy.bench;

import dev.gameday.proxy.EmbeddedToxiproxy;
import dev.gameday.proxy.FinBehindHeldData;
import dev.gameday.proxy.UpstreamServer;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.vertx.core.Vertx;

/**
 * Runs the 12 MiB-then-FIN-through-200-ms-latency case ({@link FinBehindHeldData}) many times on one
 * transport and reports how many rounds came back whole. Run with (rounds, default 200):
 * {@code java -Dgameday.proxy.transport=epoll -cp <test classpath> dev.gameday.proxy.bench.FinBehindHeldDataLoop 200}
 */
public final class FinBehindHeldDataLoop {

    private FinBehindHeldDataLoop() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Vertx vertx = Vertx.vertx();
        EmbeddedToxiproxy server = EmbeddedToxiproxy.start(vertx, "127.0.0.1", 0).await();
        try (UpstreamServer upstream = UpstreamServer.echo()) {
            ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", server.port());
            Proxy proxy = client.createProxy("finbehind", "127.0.0.1:0", upstream.address());
            proxy.toxics().latency("lat", ToxicDirection.UPSTREAM, 200);
            int whole = 0;
            long started = System.nanoTime();
            for (int round = 1; round <= rounds; round++) {
                long missing = FinBehindHeldData.missingBytes(proxy.getListen(), 12 * 1024 * 1024);
                if (missing == 0) {
                    whole++;
                } else {
                    System.out.println("round " + round + ": " + missing + " bytes of the echo missing or wrong");
                }
            }
            System.out.printf("%s: %d of %d rounds whole (%.0f s)%n", server.transport(), whole, rounds,
                    (System.nanoTime() - started) / 1e9);
            if (whole != rounds) {
                System.exit(1);
            }
        } finally {
            server.close().await();
            vertx.close().await();
        }
    }
}
