package dev.gameday.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gameday.run.ChildProcesses;
import dev.gameday.run.RunTestBed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code gameday serve --plans}: the room and the plan scheduler in one server, one /health for both. */
class ServePlansTest {
    @TempDir
    Path tmp;

    @RegisterExtension
    final ChildProcesses children = new ChildProcesses();

    @Test
    void theSchedulerServesBesideTheRoomAndHealthChecksIt() throws Exception {
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        Path plans = Files.createDirectories(tmp.resolve("plans"));
        // A JVM of its own, whose console is the process's standard output: no lock on System.out.
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Process serving = children.add(RunTestBed.start(RunTestBed.gameday("serve", "--runs", runs.toString(),
                "--plans", plans.toString(), "--read-only", "--port", "0"), logs));
        RunTestBed.awaitWhileRunning(serving, logs, Duration.ofSeconds(30),
                () -> Files.readString(logs.resolve("child.out")).contains("Ctrl-C"));
        String said = Files.readString(logs.resolve("child.out"));
        assertThat(said).contains("scheduling the plans in " + plans);
        Matcher url = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)").matcher(said);
        assertThat(url.find()).as(said).isTrue();

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url.group(1) + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("scheduler");
        await().atMost(Duration.ofSeconds(20)).until(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url.group(1) + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body()
                .matches("(?s).*gameday_scheduler_round_age_seconds [0-9.E-]+\\n.*"));

        serving.destroy(); // SIGTERM, as Ctrl-C or a service manager stops it
        assertThat(serving.waitFor(30, TimeUnit.SECONDS)).as("the server stops").isTrue();
        assertThat(serving.exitValue()).isZero();
    }

    @Test
    void aPlansFolderThatDoesNotExistIsRefused() {
        assertThat(GamedayForTests.exitCode("serve", "--runs", tmp.toString(), "--plans", tmp.resolve("none").toString(),
                "--read-only", "--port", "0")).isEqualTo(ExitCode.INVALID_INPUT.code());
    }
}
