package dev.gameday.journal;

/**
 * Written (and fsynced) before the run asks Toxiproxy to create a proxy: crash recovery deletes a
 * proxy of this name wired this way even if the crash came before {@code proxy.created}. With
 * {@code --replace-proxies}, {@code replaces} is the existing proxy of that name, about to be deleted
 * to make room, so that recovery can put it back; null otherwise.
 */
public record ProxyCreating(String proxy, String listen, String upstream, Original replaces) implements JournalEvent {
    @Override
    public String type() {
        return "proxy.creating";
    }

    /** A proxy as it was before the run replaced it. */
    public record Original(String listen, String upstream, boolean enabled) {}
}
