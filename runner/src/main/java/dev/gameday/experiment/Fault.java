package dev.gameday.experiment;

import dev.gameday.text.Units;
import dev.gameday.toxic.FaultKind;
import dev.gameday.toxic.FaultKinds;
import dev.gameday.toxic.Risk;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A toxic held on a proxy for {@code duration}. {@code toxic} is a Toxiproxy toxic type or
 * {@code down} (the proxy disabled: an outage). {@code attributes} are in Toxiproxy's own units
 * (milliseconds, KB/s, bytes; slicer delay in microseconds), so they can be sent as they are.
 * {@code ramp} is null unless one attribute moves over time. Its {@link #words()} and {@link #risks()}
 * come from its {@link FaultKind} and travel in the experiment copy, so reports need no registry.
 */
public record Fault(
        String proxy,
        String toxic,
        Stream stream,
        double toxicity,
        Map<String, Long> attributes,
        Duration duration,
        Ramp ramp) {

    public static final String DOWN = "down";

    public Fault {
        attributes = Map.copyOf(attributes);
    }

    /** The same fault with these attributes (where a ramp has moved one). */
    public Fault with(Map<String, Long> newAttributes) {
        return new Fault(proxy, toxic, stream, toxicity, newAttributes, duration, ramp);
    }

    /** This fault in plain words, from its kind: {@code 400 ms latency ±50 ms on 50% of connections}. */
    public String words() {
        FaultKind kind = FaultKinds.named(toxic).orElse(null);
        if (kind == null) {
            return "a " + toxic + " toxic";
        }
        String words = kind.describe(attributes);
        return toxicity < 1.0 && !kind.outage() ? words + " on " + Units.percent(toxicity) + " of connections" : words;
    }

    /** What tends to go wrong under this fault, from its kind. */
    public List<Risk> risks() {
        return FaultKinds.named(toxic).map(FaultKind::risks).orElse(List.of());
    }

    public enum Stream {
        UPSTREAM, DOWNSTREAM;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
