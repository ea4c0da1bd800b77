package dev.gameday.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import picocli.CommandLine;

@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
class DemoCommandTest {
    @Test
    void servesTheDemoUntilInterrupted() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = Gameday.commandLine();
        cli.setOut(new PrintWriter(out, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread running = new Thread(() -> exit.set(cli.execute("demo", "--serve", "--storefront-port", "0",
                "--inventory-port", "0", "--inventory-address", "127.0.0.1:9")));
        running.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains("Ctrl-C"));
        Matcher port = Pattern.compile("storefront: http://127.0.0.1:(\\d+)/").matcher(out.toString());
        assertThat(port.find()).isTrue();

        HttpResponse<String> product = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port.group(1) + "/products/42?variant=fragile")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(product.statusCode()).isEqualTo(503); // nothing listens at the proxy address

        running.interrupt();
        running.join(20_000);
        assertThat(exit.get()).isZero();
    }

    @Test
    void rejectsABadInventoryAddress() {
        StringWriter err = new StringWriter();
        CommandLine cli = Gameday.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("demo", "--serve", "--storefront-port", "0", "--inventory-port", "0", "--inventory-address", "nowhere");
        assertThat(code).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(err.toString()).contains("inventory address must be host:port, got 'nowhere'");
    }

    @Test
    void aBusyPortIsNamedWithItsService() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            StringWriter err = new StringWriter();
            CommandLine cli = Gameday.commandLine();
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute("demo", "--serve", "--storefront-port", String.valueOf(taken.getLocalPort()),
                    "--inventory-port", "0");
            assertThat(code).isNotZero();
            assertThat(err.toString()).contains("storefront cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": address already in use").doesNotContain("\tat ");
        }
    }
}
