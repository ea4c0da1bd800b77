package dev.gameday.report.doc;

/** How a banner, note or badge should read at a glance. */
public enum Tone {
    OK, BAD, WARN, NEUTRAL
}
