package dev.gameday.proxy.toxic;

/** A toxic as configured on a proxy: Toxiproxy's {@code name}, {@code type}, {@code stream}, {@code toxicity}, {@code attributes}. */
public record ConfiguredToxic(String name, Toxic toxic, Stream stream, float toxicity, ToxicAttributes attributes) {

    public String type() {
        return toxic.name();
    }

    public ConfiguredToxic withChanges(float newToxicity, ToxicAttributes newAttributes) {
        return new ConfiguredToxic(name, toxic, stream, newToxicity, newAttributes);
    }

    /** The direction a toxic applies to. */
    public enum Stream {
        /** client to upstream server */
        UPSTREAM,
        /** upstream server to client */
        DOWNSTREAM;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
