package dev.gameday.experiment;

/** {@code type: tcp}: a sample succeeds when a TCP connection to {@code host:port} opens in time. */
public record TcpTarget(String host, int port) implements ProbeTarget {
    @Override
    public String type() {
        return "tcp";
    }
}
