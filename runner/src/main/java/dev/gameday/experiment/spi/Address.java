package dev.gameday.experiment.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code host:port} address as written in the file: a host name, an IPv4 address or a bracketed
 * IPv6 address ({@code [::1]:8080}), and a port. {@code host} is without the brackets.
 */
public record Address(String host, int port) {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
            + "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final String EXAMPLE = "e.g. 127.0.0.1:8080, localhost:8080 or [::1]:8080";

    /** Parses {@code host:port}; {@code port} may be 0 only when {@code portZeroAllowed}. */
    public static Address parse(String text, boolean portZeroAllowed) {
        String s = text.strip();
        if (s.contains("@")) {
            // the text is not quoted: it holds a password
            throw new IllegalArgumentException("credentials (user:password@) do not belong in an address:"
                    + " write host:port, " + EXAMPLE);
        }
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("'" + s + "' is not host:port, " + EXAMPLE);
        }
        String host = s.substring(0, colon);
        boolean bracketed = host.startsWith("[") && host.endsWith("]");
        if (bracketed) {
            host = host.substring(1, host.length() - 1);
        }
        checkHost(host, bracketed, s);
        return new Address(host, port(s.substring(colon + 1), s, portZeroAllowed ? 0 : 1));
    }

    /** Checks the host of a URL as {@link java.net.URI#getHost()} gives it (IPv6 in brackets). */
    public static void checkUrlHost(String host, String url) {
        boolean bracketed = host.startsWith("[") && host.endsWith("]");
        checkHost(bracketed ? host.substring(1, host.length() - 1) : host, bracketed, url);
    }

    /** A port in {@code min}..65535, written as digits only. */
    static int port(String digits, String text, int min) {
        if (!digits.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("'" + text + "' has no valid port: write host:port, " + EXAMPLE);
        }
        int port = Integer.parseInt(digits);
        if (port < min || port > 65535) {
            throw new IllegalArgumentException("port " + port + " in '" + text + "' is outside " + min + "..65535");
        }
        return port;
    }

    private static void checkHost(String host, boolean bracketed, String text) {
        if (bracketed) {
            if (!isIpv6(host)) {
                throw new IllegalArgumentException("'" + host + "' in '" + text + "' is not an IPv6 address");
            }
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("'" + text + "': write an IPv6 address in brackets, e.g. [::1]:8080");
        } else if (!isHostName(host)) {
            throw new IllegalArgumentException("'" + host + "' in '" + text + "' is not a host name, an IPv4 address"
                    + " or a bracketed IPv6 address; " + EXAMPLE);
        }
    }

    /** A DNS name (underscores allowed, as resolvers do) or, when it is all digits and dots, an IPv4 address. */
    private static boolean isHostName(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        if (name.matches("[0-9.]+")) {
            return IPV4.matcher(name).matches();
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** RFC 4291 text form: eight groups, one {@code ::}, an IPv4 tail, an optional zone ({@code %eth0}). */
    private static boolean isIpv6(String text) {
        String s = text;
        int zone = s.indexOf('%');
        if (zone >= 0) {
            if (!ZONE.matcher(s.substring(zone + 1)).matches()) {
                return false;
            }
            s = s.substring(0, zone);
        }
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        String head = gap < 0 ? s : s.substring(0, gap);
        String tail = gap < 0 ? "" : s.substring(gap + 2);
        List<String> parts = new ArrayList<>();
        for (String half : new String[] {head, tail}) {
            if (!half.isEmpty()) {
                parts.addAll(List.of(half.split(":", -1)));
            }
        }
        int groups = 0;
        for (int i = 0; i < parts.size(); i++) {
            if (i == parts.size() - 1 && IPV4.matcher(parts.get(i)).matches()) {
                groups += 2;
            } else if (HEX_GROUP.matcher(parts.get(i)).matches()) {
                groups++;
            } else {
                return false;
            }
        }
        return gap < 0 ? groups == 8 : groups <= 7;
    }
}
