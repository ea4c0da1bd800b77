package dev.gameday.proxy.net;

/** A {@code host:port} address as Toxiproxy writes them ({@code [::1]:80} for IPv6). */
public record HostPort(String host, int port) {

    /** Parses {@code host:port}; {@code what} names the field in the error. */
    public static HostPort parse(String address, String what) {
        int colon = address == null ? -1 : address.lastIndexOf(':');
        if (colon < 0) {
            throw ProxyError.badRequest(what + " must be host:port, got '" + address + "'");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw ProxyError.badRequest(what + " has an invalid port: '" + address + "'");
        }
        return new HostPort(host.isEmpty() ? "127.0.0.1" : host, port);
    }

    /** The same address with the host resolved to an IP address, as Toxiproxy shows listen addresses. */
    public HostPort resolved() {
        try {
            return new HostPort(java.net.InetAddress.getByName(host).getHostAddress(), port);
        } catch (java.net.UnknownHostException e) {
            return this;
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
