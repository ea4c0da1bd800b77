package dev.gameday.proxy;

import dev.gameday.testing.OwnThread;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The client's FIN arrives while the proxy holds earlier data (e.g. paused behind a latency toxic):
 * the end must still come after every byte. Sends {@code size} bytes and FIN through {@code listen}
 * to the echo upstream and reads the echo to EOF. Shared by the test and the 200-round loop.
 */
public final class FinBehindHeldData {

    private FinBehindHeldData() {}

    /** The bytes of the echo that were missing or wrong: 0 when it came back whole, then EOF. */
    public static long missingBytes(String listen, int size) throws Exception {
        byte[] data = Tcp.payload(size);
        try (Socket socket = Tcp.connect(listen)) {
            CompletableFuture<byte[]> reading = CompletableFuture.supplyAsync(() -> {
                try {
                    return Tcp.readToEnd(socket);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, OwnThread.EXECUTOR);
            socket.getOutputStream().write(data);
            socket.shutdownOutput();
            byte[] received = reading.get(60, TimeUnit.SECONDS);
            if (received.length != data.length) {
                return Math.abs((long) data.length - received.length);
            }
            return MessageDigest.isEqual(sha256(received), sha256(data)) ? 0 : data.length;
        }
    }

    private static byte[] sha256(byte[] data) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }
}
