package dev.gameday.replay.internal;

import java.util.List;

/** Where a replay shows things: a scrolling feed of lines, and the probes' live status lines. */
public interface Screen {
    void line(String text);

    /** The probes' current lines; a terminal redraws them in place, plain output prints them. */
    void status(List<String> lines);

    /** Leaves the status lines where they are, so what follows is printed below them. */
    void settle();

    /** How often status is worth showing, in real (wall) milliseconds. */
    long statusEveryMs();

    void flush();
}
