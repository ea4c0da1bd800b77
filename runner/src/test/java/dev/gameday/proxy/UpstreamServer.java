package dev.gameday.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real upstream for tests: echoes every byte back, counts what it received, and ends its side after
 * the client's side ended and every byte was echoed (so a half-close travels back as EOF, behind all
 * the data). Blocking sockets, a thread per connection: a write completes before the next read, so
 * no echo is ever dropped (an event-loop echo that closes on FIN can drop what it still queues).
 */
public final class UpstreamServer implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "test-echo-upstream");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong received = new AtomicLong();

    private UpstreamServer() throws IOException {
        server = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptAll);
    }

    public static UpstreamServer echo() throws IOException {
        return new UpstreamServer();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.submit(() -> echo(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void echo(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.addAndGet(n);
                out.write(buffer, 0, n);
            }
            socket.shutdownOutput();
        } catch (IOException e) {
            // the proxy reset or closed the connection: nothing to echo to
        }
    }

    int port() {
        return server.getLocalPort();
    }

    public String address() {
        return "127.0.0.1:" + port();
    }

    /** Bytes received from all connections so far. */
    long received() {
        return received.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
