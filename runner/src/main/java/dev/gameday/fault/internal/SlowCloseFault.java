package dev.gameday.fault.internal;

import dev.gameday.fault.spi.SingleAttributeFaultType;
import eu.rekawek.toxiproxy.model.ToxicList;
import eu.rekawek.toxiproxy.model.toxic.SlowClose;

/** {@code slow_close}: delays closing the connection by {@code delay} ms. */
public final class SlowCloseFault extends SingleAttributeFaultType<SlowClose> {
    public SlowCloseFault() {
        super("slow_close", "delay", ToxicList::slowClose, SlowClose::setDelay);
    }
}
