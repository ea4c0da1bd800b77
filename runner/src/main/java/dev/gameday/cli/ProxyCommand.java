package dev.gameday.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.proxy.EmbeddedToxiproxy;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gameday proxy}: the embedded Toxiproxy-compatible server on its own, until Ctrl-C. */
@Command(
        name = "proxy",
        header = "Run the embedded proxy as a drop-in Toxiproxy server.",
        mixinStandardHelpOptions = true,
        description = "Run Gameday's embedded proxy as a stand-alone, drop-in Toxiproxy 2.x server.",
        footer = {
            "",
            "Examples:",
            "  gameday proxy                                  # API on http://127.0.0.1:8474",
            "  gameday proxy --port 0                         # any free port (printed)",
            "  gameday proxy --config proxies.json            # create proxies at start",
            "  curl -s -XPOST localhost:8474/proxies -d '{\"name\":\"db\",\"listen\":\"127.0.0.1:6000\",\"upstream\":\"127.0.0.1:5432\"}'",
            "",
            "The config file is a JSON array of proxies, as for toxiproxy-server -config:",
            "  [{\"name\": \"db\", \"listen\": \"127.0.0.1:6000\", \"upstream\": \"127.0.0.1:5432\"}]",
            "Exit codes: 0 stopped by Ctrl-C or SIGTERM, 3 bad config file, 4 address in use or a proxy",
            "  cannot listen.",
        })
public final class ProxyCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address of the API (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8474", description = "Port of the API, 0 for any (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--config", paramLabel = "FILE", description = "JSON array of proxies to create at start.")
    Path config;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new UserInputException("--port must be between 0 and 65535, got " + port);
        }
        String proxies = config == null ? null : readConfig(config);
        Vertx vertx = Vertx.vertx();
        EmbeddedToxiproxy server;
        try {
            server = EmbeddedToxiproxy.start(vertx, host, port).await();
            if (proxies != null) {
                populate(server, proxies);
            }
        } catch (Exception e) {
            vertx.close().await();
            throw e;
        }
        try (StopSignals signals = new StopSignals()) {
            System.out.println("gameday proxy: Toxiproxy API on " + server.url() + " (Ctrl-C to stop)");
            signals.await();
        } finally {
            server.close().await(5, TimeUnit.SECONDS);
            vertx.close().await(5, TimeUnit.SECONDS);
        }
        return ExitCode.OK.code();
    }

    /** Reads and checks the config file: a syntax error is reported as file:line:column. */
    private static String readConfig(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage());
        }
        JsonNode node;
        try {
            node = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new UserInputException(file + where + ": " + e.getOriginalMessage());
        }
        if (node == null || !node.isArray()) {
            throw new UserInputException(file + ": expected a JSON array of proxies");
        }
        return text;
    }

    private void populate(EmbeddedToxiproxy server, String proxies) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.url() + "/populate"))
                        .POST(HttpRequest.BodyPublishers.ofString(proxies)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 201) {
            return;
        }
        String error = new ObjectMapper().readTree(response.body()).path("error").asText(response.body());
        if (response.statusCode() == 400) {
            throw new UserInputException(config + ": " + error);
        }
        throw new IllegalStateException(config + ": " + error);
    }
}
