package dev.gameday.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.journal.JournalFile;
import dev.gameday.run.ChildProcesses;
import dev.gameday.run.RunTestBed;
import eu.rekawek.toxiproxy.Proxy;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The abort holds even when the run cannot obey: a {@code gameday run} in a child JVM, stopped with
 * SIGSTOP mid-fault, has its fault taken off by the room through the Toxiproxy API at once; once it
 * runs again it reads the request from its control file, journals who aborted, and ends aborted (2).
 */
class StuckRunAbortTest {
    static final String TOKEN = "room-token-for-the-stuck-run";

    @TempDir
    Path tmp;

    @RegisterExtension
    final ChildProcesses children = new ChildProcesses();

    RunTestBed bed;
    Vertx vertx;
    RoomServer room;

    @BeforeEach
    void start() throws Exception {
        bed = new RunTestBed();
        vertx = Vertx.vertx();
        Files.createDirectories(tmp.resolve("runs"));
        room = RoomServer.start(vertx, new RoomOptions(tmp.resolve("runs"), "127.0.0.1", 0, TOKEN, false), List.of())
                .await();
    }

    @AfterEach
    void stop() throws Exception {
        room.close();
        vertx.close().await();
        bed.close();
    }

    static void signal(Process p, String signal) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).start().waitFor()).isZero();
    }

    List<String> toxics() throws IOException {
        return bed.api().getProxies().stream().flatMap(p -> {
            try {
                return RunTestBed.toxicsOf(p).stream().map(t -> p.getName() + " " + t.getName());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    @Test
    void aStoppedRunHasItsFaultsRemovedAtOnceAndAbortsWhenItRunsAgain() throws Exception {
        Path runs = tmp.resolve("runs");
        Path file = tmp.resolve("slow.yaml");
        Files.writeString(file, RunTestBed.experiment("resilient", "successRatio: \">= 50%\"",
                RunTestBed.latencyStep("slow-inventory", "400ms", "60s"), ""));
        Process run = children.add(bed.startGameday(RunTestBed.launcher(), file, runs, tmp));
        RunTestBed.awaitWhileRunning(run, tmp, Duration.ofSeconds(60), () -> !toxics().isEmpty());
        Path dir;
        try (Stream<Path> s = Files.list(runs)) {
            dir = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }

        signal(run, "STOP");
        HttpResponse<String> abort = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(room.url() + "/runs/" + dir.getFileName() + "/abort"))
                .header("Content-Type", "application/json").header(RoomOptions.TOKEN_HEADER, TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"by\":\"Ana\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(abort.statusCode()).as(abort.body()).isEqualTo(200);
        assertThat(toxics()).as("toxics while the run is stopped").isEmpty();
        assertThat(Files.readString(dir.resolve("control.jsonl"))).contains("\"type\":\"abort\"", "\"by\":\"Ana\"");

        signal(run, "CONT");
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as("exit code of the aborted run").isEqualTo(2);
        JournalFile journal = JournalFile.read(dir.resolve("journal.jsonl"));
        assertThat(journal.first("abort.requested").orElseThrow().path("by").asText()).isEqualTo("Ana");
        assertThat(journal.first("verdict").orElseThrow().path("verdict").asText()).isEqualTo("aborted");
        assertThat(bed.api().getProxies()).extracting(Proxy::getName).doesNotContain("inventory");
    }
}
