package dev.gameday.experiment.load.internal;

/** A {@code host:port} address as written in the file ({@code [::1]:8080} for IPv6). */
public record Address(String host, int port) {

    /** Parses {@code host:port}; {@code port} may be 0 only when {@code portZeroAllowed}. */
    public static Address parse(String text, boolean portZeroAllowed) {
        String s = text.strip();
        int colon = s.lastIndexOf(':');
        String host = colon < 0 ? "" : s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (colon < 0 || host.isEmpty() || host.contains("/")) {
            throw new IllegalArgumentException("'" + s + "' is not host:port, e.g. 127.0.0.1:8080");
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' has no valid port: write host:port, e.g. 127.0.0.1:8080");
        }
        if (port < (portZeroAllowed ? 0 : 1) || port > 65535) {
            throw new IllegalArgumentException("port " + port + " in '" + s + "' is outside "
                    + (portZeroAllowed ? "0" : "1") + "..65535");
        }
        return new Address(host, port);
    }
}
