package dev.gameday.plan;

/** Someone who takes part in the game day, their role (incident-commander, scribe, ...) and how to reach them. */
public record Participant(String name, String role, String contact) {
    /** The roles a plan knows; others are refused with a did-you-mean hint. */
    public static final java.util.List<String> ROLES = java.util.List.of("incident-commander", "scribe",
            "communications", "operator", "observer", "subject-matter-expert", "facilitator");
}
