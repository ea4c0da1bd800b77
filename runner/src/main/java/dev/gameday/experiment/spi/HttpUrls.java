package dev.gameday.experiment.spi;

import java.net.URI;
import java.net.URISyntaxException;

/** The checks of an http:// or https:// URL written in a file (probes, rollbacks, the Toxiproxy server). */
public final class HttpUrls {
    private HttpUrls() {}

    /**
     * The URL, or an {@link IllegalArgumentException} saying what is wrong with it; a URL with
     * credentials is refused with {@code credentialsAdvice} (the URL is then not quoted: it holds a password).
     */
    public static URI check(String url, String credentialsAdvice) {
        if (authority(url).contains("@")) {
            throw new IllegalArgumentException("the URL holds credentials (user:password@), which gameday does not send: "
                    + credentialsAdvice);
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw notHttp(url);
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw notHttp(url);
        }
        if (uri.getHost() == null) {
            throw notHttp(url);
        }
        Address.checkUrlHost(uri.getHost(), url);
        if (uri.getPort() != -1) {
            Address.port(String.valueOf(uri.getPort()), url, 1);
        }
        return uri;
    }

    /** The text between {@code ://} and the path, query or fragment, read without parsing. */
    private static String authority(String url) {
        int start = url.indexOf("://");
        if (start < 0) {
            return "";
        }
        int end = start + 3;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        return url.substring(start + 3, end);
    }

    private static IllegalArgumentException notHttp(String url) {
        return new IllegalArgumentException("'" + url + "' is not an http:// or https:// URL with a host");
    }
}
