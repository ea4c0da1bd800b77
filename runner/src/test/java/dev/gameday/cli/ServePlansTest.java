package dev.gameday.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** {@code gameday serve --plans}: the room and the plan scheduler in one server, one /health for both. */
@ResourceLock(Resources.SYSTEM_OUT)
class ServePlansTest {
    @TempDir
    Path tmp;

    @Test
    void theSchedulerServesBesideTheRoomAndHealthChecksIt() throws Exception {
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        Path plans = Files.createDirectories(tmp.resolve("plans"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = new Thread(() -> exit.set(Gameday.execute(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), "serve", "--runs", runs.toString(), "--plans", plans.toString(),
                "--read-only", "--port", "0")));
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            serving.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> printed.toString(StandardCharsets.UTF_8).contains("Ctrl-C"));
        } finally {
            System.setOut(stdout);
        }
        String said = printed.toString(StandardCharsets.UTF_8);
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

        serving.interrupt();
        serving.join(20_000);
        assertThat(exit.get()).isZero();
    }

    @Test
    void aPlansFolderThatDoesNotExistIsRefused() {
        assertThat(GamedayForTests.exitCode("serve", "--runs", tmp.toString(), "--plans", tmp.resolve("none").toString(),
                "--read-only", "--port", "0")).isEqualTo(ExitCode.INVALID_INPUT.code());
    }
}
