package dev.gameday.fault.internal;

import dev.gameday.fault.spi.SingleAttributeFaultType;
import eu.rekawek.toxiproxy.model.ToxicList;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;

/** {@code bandwidth}: {@code rate} in KB/s. */
public final class BandwidthFault extends SingleAttributeFaultType<Bandwidth> {
    public BandwidthFault() {
        super("bandwidth", "rate", ToxicList::bandwidth, Bandwidth::setRate);
    }
}
