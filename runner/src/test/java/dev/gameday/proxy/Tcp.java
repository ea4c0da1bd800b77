package dev.gameday.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Blocking socket helpers for tests (every read has a timeout, so a bug fails instead of hanging). */
final class Tcp {
    private Tcp() {}

    static Socket connect(String listen) throws IOException {
        int colon = listen.lastIndexOf(':');
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(listen.substring(0, colon), Integer.parseInt(listen.substring(colon + 1))), 5000);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        return socket;
    }

    /** Reads exactly {@code n} bytes, or fewer if the stream ends first. */
    static byte[] read(Socket socket, int n) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (out.size() < n) {
            int got = in.read(buffer, 0, Math.min(buffer.length, n - out.size()));
            if (got < 0) {
                break;
            }
            out.write(buffer, 0, got);
        }
        return out.toByteArray();
    }

    /** Reads until EOF. */
    static byte[] readToEnd(Socket socket) throws IOException {
        return socket.getInputStream().readAllBytes();
    }

    static byte[] payload(int size) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i * 31 + (i >> 8));
        }
        return data;
    }
}
