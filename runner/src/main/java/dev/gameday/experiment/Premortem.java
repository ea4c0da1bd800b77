package dev.gameday.experiment;

import java.util.List;

/** What the team agrees before the game day: risks, who does what, where to look, what to ask. */
public record Premortem(
        List<Risk> risks,
        List<Participant> participants,
        String runbook,
        List<String> dashboards,
        List<String> questions,
        List<String> checklist) {

    public Premortem {
        risks = List.copyOf(risks);
        participants = List.copyOf(participants);
        dashboards = List.copyOf(dashboards);
        questions = List.copyOf(questions);
        checklist = List.copyOf(checklist);
    }

    /** A risk and, optionally, what to watch for it. */
    public record Risk(String risk, String watch) {}

    /** A person and their role: incident-commander, scribe, communications, responder, observer. */
    public record Participant(String name, String role) {}
}
