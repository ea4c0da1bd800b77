package dev.gameday.testing;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A port for a listener a test must name before it starts (a proxy the storefront is told of ahead).
 * Picked at random below Linux's ephemeral range (32768-60999 by default), not by binding port 0: the
 * OS hands ports of that range to every outgoing connection too, and with test classes side by side
 * one of their many probe connections could take the port between the pick and the listener's bind.
 */
public final class Ports {
    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_767;

    private Ports() {}

    /** A port nothing listens on, on 127.0.0.1, right now. */
    public static int free() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST + 1);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                return port;
            } catch (BindException taken) {
                // in use: another pick
            }
        }
        throw new IOException("no free port in " + LOWEST + "-" + HIGHEST + " after 100 picks");
    }
}
