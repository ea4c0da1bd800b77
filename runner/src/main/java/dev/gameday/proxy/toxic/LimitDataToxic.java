package dev.gameday.proxy.toxic;

import io.netty.buffer.ByteBuf;
import java.util.List;

/** {@code limit_data}: lets {@code bytes} bytes through on the link, then closes the connection. */
public final class LimitDataToxic implements Toxic {

    @Override
    public String type() {
        return "limit_data";
    }

    @Override
    public List<String> attributes() {
        return List.of("bytes");
    }

    /** Any count of bytes. */
    @Override
    public long maximum(String attribute) {
        return Long.MAX_VALUE;
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
