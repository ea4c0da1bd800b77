package dev.gameday.experiment;

import java.net.URI;

/** Where faults are injected: Gameday's embedded proxy ({@code url == null}) or a Toxiproxy server. */
public record ToxiproxyTarget(URI url) {
    public static final ToxiproxyTarget EMBEDDED = new ToxiproxyTarget(null);

    public boolean embedded() {
        return url == null;
    }
}
