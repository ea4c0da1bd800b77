package dev.gameday.hypothesis.internal;

import dev.gameday.hypothesis.TimedAttempt;
import dev.gameday.hypothesis.Format;
import dev.gameday.experiment.ProbeTarget;
import dev.gameday.experiment.TcpTarget;
import dev.gameday.experiment.spi.Address;
import dev.gameday.experiment.spi.TargetFields;
import dev.gameday.hypothesis.spi.Outcome;
import dev.gameday.hypothesis.spi.ProbeAction;
import dev.gameday.hypothesis.spi.ProbeType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.time.Duration;
import java.util.List;

/** {@code type: tcp}: a sample succeeds when a connection to host:port opens; it is closed at once. */
public final class TcpProbe implements ProbeType {
    @Override
    public String type() {
        return "tcp";
    }

    @Override
    public String description() {
        return "opens a TCP connection per sample; succeeds when it opens (it is closed at once)";
    }

    @Override
    public List<String> keys() {
        return List.of("address");
    }

    @Override
    public ProbeTarget bind(TargetFields f) {
        String address = f.requiredString("address", "host:port to connect to");
        if (address == null) {
            return null;
        }
        try {
            Address a = Address.parse(address, false);
            return new TcpTarget(a.host(), a.port());
        } catch (IllegalArgumentException e) {
            f.problem("address", e.getMessage());
            return null;
        }
    }

    @Override
    public ProbeAction open(Vertx vertx, ProbeTarget target, Duration timeout) {
        TcpTarget tcp = Targets.as(target, TcpTarget.class);
        if (tcp.host() == null || tcp.host().isBlank() || tcp.port() < 1 || tcp.port() > 65535) {
            throw new IllegalArgumentException("tcp probe needs a host and a port in 1..65535");
        }
        NetClient client = vertx.createNetClient(new NetClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis() + TimedAttempt.GRACE_MS)));
        return new ProbeAction() {
            @Override
            public Future<Outcome> attempt() {
                return client.connect(tcp.port(), tcp.host()).map(socket -> {
                    socket.close();
                    return Outcome.ok(null);
                });
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }
}
