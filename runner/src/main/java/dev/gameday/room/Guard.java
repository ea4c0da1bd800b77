package dev.gameday.room;

import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * What a request that changes something (an abort, a note) must show: the room's token in
 * {@value RoomOptions#TOKEN_HEADER} (compared in constant time), a JSON body (a plain form from
 * another site cannot send one without asking first), and no foreign {@code Origin}: a page of
 * another site is refused even with the token.
 */
final class Guard {
    private final byte[] token;

    Guard(String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** Why the request is refused, with its status; null when it may go on. */
    Refusal check(RoutingContext rc) {
        if (token == null) {
            return new Refusal(403, "this room is read-only");
        }
        String origin = rc.request().getHeader("Origin");
        // The authority the request was sent to: Host in HTTP/1.1, :authority in HTTP/2.
        HostAndPort to = rc.request().authority();
        String own = to == null ? null : "http://" + to.host() + (to.port() > 0 ? ":" + to.port() : "");
        if (origin != null && !origin.equals(own)) {
            return new Refusal(403, "requests from another site are refused (Origin " + origin + ")");
        }
        String site = rc.request().getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return new Refusal(403, "requests from another site are refused (Sec-Fetch-Site " + site + ")");
        }
        String given = rc.request().getHeader(RoomOptions.TOKEN_HEADER);
        if (given == null || !MessageDigest.isEqual(token, given.strip().getBytes(StandardCharsets.UTF_8))) {
            return new Refusal(401, "the room token is missing or wrong (header " + RoomOptions.TOKEN_HEADER + ")");
        }
        String type = rc.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return new Refusal(415, "send the request as application/json");
        }
        return null;
    }

    record Refusal(int status, String message) {}
}
