package dev.gameday.proxy.toxic;

import dev.gameday.toxic.Attribute;
import dev.gameday.toxic.FaultKind;
import dev.gameday.toxic.Risk;
import dev.gameday.toxic.Unit;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Map;

/** {@code limit_data}: lets {@code bytes} bytes through on the link, then closes the connection. */
public final class LimitDataToxic implements Toxic {

    @Override
    public String name() {
        return "limit_data";
    }

    @Override
    public String description() {
        return "lets bytes through per connection, then closes it";
    }

    /** Any count of bytes. */
    @Override
    public List<Attribute> attributes() {
        return List.of(new Attribute("bytes", Unit.BYTES, true, true, Long.MAX_VALUE,
                "bytes that pass before the connection is closed"));
    }

    @Override
    public String describe(Map<String, Long> attributes) {
        return "connections closed after " + FaultKind.value(attributes, "bytes") + " bytes";
    }

    @Override
    public List<Risk> risks() {
        return List.of(
                new Risk("Truncated responses are parsed or cached as complete", "parse errors; content-length mismatches"),
                new Risk("Partial uploads are treated as success", "checksum failures; incomplete records"));
    }

    @Override
    public Stage open(ToxicAttributes attributes, Outlet out, Link link) {
        Stage stage = new Stage() {
            private long limit = attributes.get("bytes");
            private long passed;

            void check() {
                if (passed >= limit) {
                    link.close();
                }
            }

            @Override
            public void data(ByteBuf chunk, long timestampNanos) {
                long room = limit - passed;
                if (room <= 0) {
                    link.discard(chunk);
                } else if (chunk.readableBytes() <= room) {
                    passed += chunk.readableBytes();
                    out.data(chunk, timestampNanos);
                } else {
                    ByteBuf allowed = chunk.readRetainedSlice((int) room);
                    link.discard(chunk);
                    passed += room;
                    out.data(allowed, timestampNanos);
                }
                check();
            }

            @Override
            public void end() {
                out.end();
            }

            @Override
            public void update(ToxicAttributes changed) {
                limit = changed.get("bytes");
                check();
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        if (attributes.get("bytes") <= 0) {
            link.close();
        }
        return stage;
    }
}
