package dev.gameday.fault;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.URI;

/**
 * Blocking toxiproxy-java clients. The client uses {@link java.net.HttpURLConnection} without
 * timeouts, so the JDK-wide defaults are bounded here, before the first connection, so that an
 * unreachable or hung Toxiproxy fails a call instead of hanging the run (or its shutdown hook).
 */
public final class ToxiproxyClients {
    /** Connect timeout of every Toxiproxy call, ms. */
    public static final int CONNECT_TIMEOUT_MS = 1000;
    /** Read timeout of every Toxiproxy call, ms. */
    public static final int READ_TIMEOUT_MS = 3000;

    static {
        System.setProperty("sun.net.client.defaultConnectTimeout", Integer.toString(CONNECT_TIMEOUT_MS));
        System.setProperty("sun.net.client.defaultReadTimeout", Integer.toString(READ_TIMEOUT_MS));
    }

    private ToxiproxyClients() {}

    /**
     * The HTTP status of a failed toxiproxy-java call ({@code "[404] proxy not found"}), or -1 when
     * Toxiproxy gave no answer (unreachable, timed out): then the call may or may not have taken effect.
     */
    public static int status(IOException e) {
        String m = e.getMessage();
        return m != null && m.matches("(?s)\\[[0-9]{3}].*") ? Integer.parseInt(m.substring(1, 4)) : -1;
    }

    /** A client for {@code http://host:port}. */
    public static ToxiproxyClient forUrl(URI url) {
        int port = url.getPort() == -1 ? 8474 : url.getPort();
        return new ToxiproxyClient(url.getHost(), port);
    }
}
