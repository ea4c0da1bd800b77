package dev.gameday.fault.internal;

import dev.gameday.fault.spi.SingleAttributeFaultType;
import eu.rekawek.toxiproxy.model.ToxicList;
import eu.rekawek.toxiproxy.model.toxic.LimitData;

/** {@code limit_data}: closes the connection after {@code bytes} bytes. */
public final class LimitDataFault extends SingleAttributeFaultType<LimitData> {
    public LimitDataFault() {
        super("limit_data", "bytes", ToxicList::limitData, LimitData::setBytes);
    }
}
