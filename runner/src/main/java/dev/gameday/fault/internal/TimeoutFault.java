package dev.gameday.fault.internal;

import dev.gameday.fault.spi.SingleAttributeFaultType;
import eu.rekawek.toxiproxy.model.ToxicList;
import eu.rekawek.toxiproxy.model.toxic.Timeout;

/** {@code timeout}: stops all data and closes after {@code timeout} ms (0: never closes). */
public final class TimeoutFault extends SingleAttributeFaultType<Timeout> {
    public TimeoutFault() {
        super("timeout", "timeout", ToxicList::timeout, Timeout::setTimeout);
    }
}
