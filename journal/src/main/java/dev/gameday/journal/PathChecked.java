package dev.gameday.journal;

/**
 * Whether a fault step's proxy was on the traffic path: what it carried while the fault was in place
 * ({@code basis} {@code during the fault}), or, for an outage — a disabled proxy accepts nothing —,
 * before it went down ({@code before the outage}). {@code carried} is true or false when the server
 * counts traffic, null when it cannot be verified ({@code note} says why). Byte counts are what the
 * proxy received from the client ({@code upstreamBytes}) and from the upstream server
 * ({@code downstreamBytes}); {@code connections} is null when the server does not count them.
 */
public record PathChecked(
        String step, String proxy, Boolean carried, String basis, Long connections, Long upstreamBytes,
        Long downstreamBytes, String note) implements JournalEvent {
    @Override
    public String type() {
        return "path";
    }
}
