package dev.gameday.experiment.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.experiment.CheckPhase;
import dev.gameday.experiment.CommandTarget;
import dev.gameday.judge.Comparison;
import dev.gameday.experiment.Experiment;
import dev.gameday.experiment.ExperimentJson;
import dev.gameday.experiment.Fault;
import dev.gameday.experiment.LatencyBound;
import dev.gameday.experiment.Probe;
import dev.gameday.experiment.Ramp;
import dev.gameday.experiment.Step;
import dev.gameday.experiment.TcpTarget;
import dev.gameday.experiment.ToxiproxyTarget;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Human units in, Toxiproxy units and documented defaults out; and the normalised JSON copy. */
class NormalisationTest {
    private static final String YAML = """
            title: Every toxic
            hypothesis: It holds.
            toxiproxy: http://127.0.0.1:8474
            proxies:
              - {name: db, upstream: "127.0.0.1:5432"}
            steadyState:
              before: 10s
              probes:
                - name: port
                  type: tcp
                  address: 127.0.0.1:5432
                  check: [before, after]
                  tolerance: {window: 5s, successRatio: "99.5%", latency: {p99.9: "< 2s", p50: 100ms}}
                - name: script
                  type: command
                  run: [sh, -c, "echo ok"]
                  expect: {stdoutContains: ok}
                  interval: 500ms
                  tolerance: {successRatio: "> 90%"}
            method:
              - name: all
                parallel:
                  - name: slice
                    fault: {proxy: db, toxic: slicer, duration: 10s,
                            attributes: {average_size: 64, size_variation: 32, delay: 20ms}}
                  - name: throttle
                    fault: {proxy: db, toxic: bandwidth, stream: upstream, toxicity: 0.5, duration: 10s,
                            attributes: {rate: 100}}
                  - name: ramp-up
                    fault: {proxy: db, toxic: latency, duration: 10s, ramp: {attribute: latency, from: 0ms, to: 2s}}
              - name: outage
                fault: {proxy: db, toxic: down, duration: 2s}
              - name: close
                fault: {proxy: db, toxic: slow_close, duration: 1m, attributes: {delay: 1.5s}}
            abort:
              - {name: slow, probe: port, when: "p95 > 2s"}
            rollbacks:
              - {name: restart, type: command, run: [echo, restart]}
            slo: {objective: 99.95%, window: 7d}
            tabletop:
              - {step: slice, at: end, prompt: "Did anyone notice?"}
            """;

    @TempDir
    static Path dir;

    static Experiment e;

    @BeforeAll
    static void load() throws IOException {
        e = ExperimentLoader.load(Files.writeString(dir.resolve("n.yaml"), YAML), Map.of(), Map.of()).experiment();
    }

    private static Fault fault(int parallelIndex) {
        return e.method().get(0).parallel().get(parallelIndex).fault();
    }

    @Test
    void toxicAttributesInToxiproxyUnits() {
        assertThat(fault(0).attributes()).containsExactlyInAnyOrderEntriesOf(
                Map.of("average_size", 64L, "size_variation", 32L, "delay", 20_000L));
        assertThat(fault(1).attributes()).isEqualTo(Map.of("rate", 100L));
        assertThat(fault(1).stream()).isEqualTo(Fault.Stream.UPSTREAM);
        assertThat(fault(1).toxicity()).isEqualTo(0.5);
        assertThat(e.method().get(2).fault().attributes()).isEqualTo(Map.of("delay", 1500L));
        assertThat(e.method().get(1).fault().toxic()).isEqualTo(Fault.DOWN);
        assertThat(e.method().get(1).fault().attributes()).isEmpty();
    }

    @Test
    void rampDefaultsAndStartValue() {
        assertThat(fault(2).ramp()).isEqualTo(new Ramp("latency", 0, 2000, Duration.ofSeconds(10), Duration.ofSeconds(1)));
        assertThat(fault(2).attributes()).isEqualTo(Map.of("latency", 0L));
        assertThat(fault(2).stream()).isEqualTo(Fault.Stream.DOWNSTREAM);
        assertThat(fault(2).toxicity()).isEqualTo(1.0);
    }

    @Test
    void probesWithDefaults() {
        Probe port = e.steadyState().probes().get(0);
        assertThat(port.target()).isEqualTo(new TcpTarget("127.0.0.1", 5432));
        assertThat(port.check()).isEqualTo(Set.of(CheckPhase.BEFORE, CheckPhase.AFTER));
        assertThat(port.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(port.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(port.tolerance().successRatio().ratio()).isEqualTo(0.995);
        assertThat(port.tolerance().successRatio().op()).isEqualTo(Comparison.GE);
        assertThat(port.tolerance().latency()).containsExactly(
                new LatencyBound(99.9, Comparison.LT, Duration.ofSeconds(2)),
                new LatencyBound(50, Comparison.LE, Duration.ofMillis(100)));
        Probe script = e.steadyState().probes().get(1);
        assertThat(script.target()).isEqualTo(new CommandTarget(java.util.List.of("sh", "-c", "echo ok"), 0, "ok"));
        assertThat(script.check()).containsExactly(CheckPhase.CONTINUOUSLY);
        assertThat(script.tolerance().window()).isEqualTo(Duration.ofSeconds(10));
        assertThat(e.steadyState().before()).isEqualTo(Duration.ofSeconds(10));
        assertThat(e.steadyState().after()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void sectionsAndDefaults() {
        assertThat(e.version()).isEqualTo(1);
        assertThat(e.toxiproxy()).isEqualTo(new ToxiproxyTarget(URI.create("http://127.0.0.1:8474")));
        assertThat(e.proxies().get(0).listen()).isEqualTo("127.0.0.1:0");
        assertThat(e.abort().get(0).metric()).isEqualTo("p95");
        assertThat(e.abort().get(0).threshold()).isEqualTo(2000.0);
        assertThat(e.abort().get(0).sustained()).isEqualTo(Duration.ofSeconds(5));
        assertThat(e.rollbacks().get(0).timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(e.slo().objective()).isEqualTo(0.9995);
        assertThat(e.slo().window()).isEqualTo(Duration.ofDays(7));
        assertThat(e.recovery()).isNull();
        assertThat(e.premortem()).isNull();
        assertThat(e.tabletop().get(0).at()).isEqualTo("end");
        assertThat(e.method().get(0).kind()).isEqualTo(Step.Kind.PARALLEL);
    }

    @Test
    void normalisedJson() {
        JsonNode json = ExperimentJson.toTree(e);
        assertThat(json.at("/toxiproxy/url").asText()).isEqualTo("http://127.0.0.1:8474");
        assertThat(json.at("/steadyState/before").asLong()).isEqualTo(10_000);
        JsonNode probe = json.at("/steadyState/probes/0");
        assertThat(probe.get("type").asText()).isEqualTo("tcp");
        assertThat(probe.at("/target/type").asText()).isEqualTo("tcp");
        assertThat(probe.at("/target/port").asInt()).isEqualTo(5432);
        assertThat(probe.get("check").toString()).isEqualTo("[\"before\",\"after\"]");
        assertThat(probe.at("/tolerance/successRatio").toString()).isEqualTo("{\"op\":\">=\",\"ratio\":0.995}");
        assertThat(probe.at("/tolerance/latency/0").toString())
                .isEqualTo("{\"percentile\":99.9,\"op\":\"<\",\"limit\":2000}");
        JsonNode slice = json.at("/method/0/parallel/0");
        assertThat(slice.get("pause").isNull()).isTrue();
        assertThat(slice.get("parallel").isNull()).isTrue();
        assertThat(slice.at("/fault/stream").asText()).isEqualTo("downstream");
        assertThat(slice.at("/fault/attributes/delay").asLong()).isEqualTo(20_000);
        assertThat(json.at("/method/0/parallel/2/fault/ramp").toString())
                .isEqualTo("{\"attribute\":\"latency\",\"from\":0,\"to\":2000,\"over\":10000,\"every\":1000}");
        assertThat(json.at("/slo").toString()).isEqualTo("{\"objective\":0.9995,\"window\":604800000}");
        assertThat(json.at("/abort/0").toString()).isEqualTo(
                "{\"name\":\"slow\",\"probe\":\"port\",\"metric\":\"p95\",\"op\":\">\",\"threshold\":2000.0,\"sustained\":5000}");
        assertThat(json.at("/rollbacks/0/action/type").asText()).isEqualTo("command");
    }

    @Test
    void embeddedIsTheDefault() throws IOException {
        Path f = Files.writeString(dir.resolve("b.yaml"), ValidationRulesTest.BASE);
        Experiment base = ExperimentLoader.load(f, Map.of(), Map.of()).experiment();
        assertThat(base.toxiproxy().embedded()).isTrue();
        assertThat(ExperimentJson.toTree(base).at("/toxiproxy").toString()).isEqualTo("{\"url\":null}");
    }
}
