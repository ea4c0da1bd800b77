package dev.gameday.fault.internal;

import dev.gameday.fault.spi.FaultType;
import eu.rekawek.toxiproxy.Proxy;
import java.io.IOException;

/** {@code down}: an outage, the proxy disabled (its connections dropped) until the fault ends. */
public final class DownFault implements FaultType {
    @Override
    public String toxic() {
        return "down";
    }

    @Override
    public ActiveFault inject(Proxy proxy, Request request) throws IOException {
        proxy.disable();
        return new ActiveFault() {
            @Override
            public void update(String attribute, long value) {
                throw new IllegalArgumentException("an outage ('down') has no attribute to ramp");
            }

            @Override
            public void remove() throws IOException {
                proxy.enable();
            }
        };
    }
}
