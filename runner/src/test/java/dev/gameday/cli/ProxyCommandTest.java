package dev.gameday.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** {@code gameday proxy}: its help and how it fails (the running server is covered by the proxy tests). */
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
class ProxyCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Gameday.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void helpShowsOptionsAndExamples() {
        assertThat(run("proxy", "--help")).isZero();
        assertThat(out.toString()).contains("--host", "--port", "--config", "Examples:", "gameday proxy --config proxies.json");
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("proxy");
    }

    @Test
    void aBusyPortIsOneLineAndExitCode4() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThat(run("proxy", "--port", String.valueOf(busy.getLocalPort()))).isEqualTo(4);
        }
        assertThat(err.toString()).matches("gameday: cannot listen on 127\\.0\\.0\\.1:\\d+: address already in use\\R");
    }

    @Test
    void anImpossiblePortIsBadInput() {
        assertThat(run("proxy", "--port", "70000")).isEqualTo(3);
        assertThat(err.toString()).isEqualTo("gameday: --port must be between 0 and 65535, got 70000" + System.lineSeparator());
    }

    @Test
    void aConfigFileWithASyntaxErrorSaysWhere(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("proxies.json"), "[\n  {\"name\": }\n]\n");
        assertThat(run("proxy", "--port", "0", "--config", config.toString())).isEqualTo(3);
        assertThat(err.toString()).startsWith("gameday: " + config + ":2:").doesNotContain("Exception");
    }

    @Test
    void aConfigFileWithAnIncompleteProxyIsRejected(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("proxies.json"), "[{\"name\": \"db\", \"listen\": \"127.0.0.1:0\"}]");
        assertThat(run("proxy", "--port", "0", "--config", config.toString())).isEqualTo(3);
        assertThat(err.toString()).isEqualTo("gameday: " + config + ": missing required field: upstream at proxy 1" + System.lineSeparator());
        Files.writeString(config, "{\"name\": \"db\"}");
        assertThat(run("proxy", "--port", "0", "--config", config.toString())).isEqualTo(3);
    }
}
