package dev.gameday.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gameday.toxic.FaultKinds;
import dev.gameday.proxy.EmbeddedToxiproxy;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import io.vertx.core.Vertx;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fault kind against a real Toxiproxy-compatible server, its effect read back through toxiproxy-java. */
class InjectorTest {
    static Vertx vertx;
    static EmbeddedToxiproxy server;
    static ToxiproxyClient client;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        server = EmbeddedToxiproxy.start(vertx, "127.0.0.1", 0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        client = ToxiproxyClients.forUrl(URI.create(server.url()));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static Injector injector() {
        return new Injector(URI.create(server.url()));
    }

    /** A toxic the server refuses comes back in its words, and removing one that is gone is fine. */
    @Test
    void theServersRefusalIsReadAndRemovalIsIdempotent() throws Exception {
        Proxy proxy = client.createProxy("p-twice", "127.0.0.1:0", "127.0.0.1:1");
        try {
            ActiveFault first = injector().inject(proxy, FaultKinds.require("latency"),
                    new FaultRequest("same", "downstream", 1.0, Map.of("latency", 10L)));
            assertThatThrownBy(() -> injector().inject(proxy, FaultKinds.require("latency"),
                    new FaultRequest("same", "downstream", 1.0, Map.of("latency", 10L))))
                    .hasMessage("[409] toxic already exists");
            first.remove();
            first.remove();
            assertThat(proxy.toxics().getAll()).isEmpty();
        } finally {
            proxy.delete();
        }
    }

    static Stream<Arguments> toxics() {
        return Stream.of(
                Arguments.of("latency", Map.of("latency", 400L, "jitter", 50L), "latency", 500L),
                Arguments.of("bandwidth", Map.of("rate", 100L), "rate", 50L),
                Arguments.of("slow_close", Map.of("delay", 200L), "delay", 300L),
                Arguments.of("timeout", Map.of("timeout", 0L), "timeout", 100L),
                Arguments.of("reset_peer", Map.of("timeout", 10L), "timeout", 20L),
                Arguments.of("slicer", Map.of("average_size", 64L, "size_variation", 8L, "delay", 10L), "delay", 20L),
                Arguments.of("limit_data", Map.of("bytes", 1024L), "bytes", 2048L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toxics")
    void injectsUpdatesAndRemovesTheToxic(String type, Map<String, Long> attributes, String ramped, long to)
            throws Exception {
        Proxy proxy = client.createProxy("p-" + type, "127.0.0.1:0", "127.0.0.1:1");
        try {
            ActiveFault fault = injector().inject(proxy, FaultKinds.require(type),
                    new FaultRequest("t-" + type, "downstream", 0.5, attributes));
            List<? extends Toxic> toxics = proxy.toxics().getAll();
            assertThat(toxics).hasSize(1);
            assertThat(toxics.get(0).getName()).isEqualTo("t-" + type);
            assertThat(toxics.get(0).getToxicity()).isEqualTo(0.5f);
            assertThat(toxics.get(0).toString()).contains(type);

            fault.update(ramped, to);
            fault.remove();

            assertThat(proxy.toxics().getAll()).isEmpty();
        } finally {
            proxy.delete();
        }
    }

    @Test
    void downDisablesTheProxyUntilRemoved() throws Exception {
        Proxy proxy = client.createProxy("p-down", "127.0.0.1:0", "127.0.0.1:1");
        try {
            ActiveFault fault = injector().inject(proxy, FaultKinds.require("down"),
                    new FaultRequest(null, "downstream", 1.0, Map.of()));
            assertThat(client.getProxy("p-down").isEnabled()).isFalse();
            fault.remove();
            assertThat(client.getProxy("p-down").isEnabled()).isTrue();
        } finally {
            proxy.delete();
        }
    }

    @Test
    void anUnknownAttributeOrToxicIsRefusedClearly() throws Exception {
        Proxy proxy = client.createProxy("p-unknown", "127.0.0.1:0", "127.0.0.1:1");
        try {
            ActiveFault fault = injector().inject(proxy, FaultKinds.require("bandwidth"),
                    new FaultRequest("t", "upstream", 1.0, Map.of("rate", 10L)));
            assertThatThrownBy(() -> fault.update("latency", 1)).hasMessageContaining("no attribute 'latency'");
            fault.remove();
        } finally {
            proxy.delete();
        }
        assertThatThrownBy(() -> FaultKinds.require("jitterbug")).hasMessageContaining("unknown toxic 'jitterbug'");
    }
}
