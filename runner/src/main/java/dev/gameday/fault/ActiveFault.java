package dev.gameday.fault;

import java.io.IOException;

/** A fault in place on a Toxiproxy server. Both calls are blocking. */
public interface ActiveFault {
    /** Moves one attribute (ramps). */
    void update(String attribute, long value) throws IOException;

    /** Takes the fault away; a fault already gone is fine. */
    void remove() throws IOException;
}
