package dev.gameday.fault.internal;

import dev.gameday.fault.spi.SingleAttributeFaultType;
import eu.rekawek.toxiproxy.model.ToxicList;
import eu.rekawek.toxiproxy.model.toxic.ResetPeer;

/** {@code reset_peer}: resets the connection (TCP RST) after {@code timeout} ms. */
public final class ResetPeerFault extends SingleAttributeFaultType<ResetPeer> {
    public ResetPeerFault() {
        super("reset_peer", "timeout", ToxicList::resetPeer, ResetPeer::setTimeout);
    }
}
