package dev.gameday.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.journal.AbortRequested;
import dev.gameday.journal.ScribeNote;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the run makes of the lines of its control file: requests, or nothing for anything else. */
class ControlFileTest {
    @TempDir
    Path dir;

    @Test
    void requestsWrittenByTheRoomReadBackAsTheEventsTheRunJournals() throws Exception {
        ControlFile.abort(dir, "Ana", "room", 1000);
        ControlFile.note(dir, "Ben", null, "checkout slow", 2000);
        List<String> lines = Files.readAllLines(dir.resolve(ControlFile.FILE_NAME));
        assertThat(lines).hasSize(2);
        assertThat(ControlFile.request(lines.get(0))).isEqualTo(new AbortRequested("Ana", "room", 1000));
        assertThat(ControlFile.request(lines.get(1))).isEqualTo(new ScribeNote("Ben", null, "checkout slow", 2000));
    }

    @Test
    void aLineThatIsNoRequestIsNothing() {
        assertThat(ControlFile.request("not json")).isNull();
        assertThat(ControlFile.request("{\"type\":\"abort\",\"at\":1}")).as("no one").isNull();
        assertThat(ControlFile.request("{\"type\":\"abort\",\"by\":\" \",\"at\":1}")).as("blank name").isNull();
        assertThat(ControlFile.request("{\"type\":\"note\",\"by\":\"a\",\"at\":1}")).as("no text").isNull();
        assertThat(ControlFile.request("{\"type\":\"reboot\",\"by\":\"a\",\"at\":1}")).isNull();
        assertThat(ControlFile.request("[1]")).isNull();
        ScribeNote longNote = (ScribeNote) ControlFile.request("{\"type\":\"note\",\"by\":\"a\",\"at\":1,\"note\":\""
                + "x".repeat(ControlFile.MAX_NOTE + 10) + "\"}");
        assertThat(longNote.note()).hasSize(ControlFile.MAX_NOTE);
    }
}
