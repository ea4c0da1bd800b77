package dev.gameday.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
class ReportCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Gameday.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void rendersTheChosenFormatsFromARunFolder() throws Exception {
        Files.writeString(dir.resolve("journal.jsonl"), """
                {"type":"run.started","t":1000,"seq":0,"v":1,"runId":"r1","experiment":{"title":"Tiny","steadyState":{"before":1000,"after":0,"probes":[{"name":"p","tolerance":{"window":1000,"successRatio":{"op":">=","ratio":0.9},"latency":[]}}]}}}
                {"type":"phase","t":1000,"seq":1,"phase":"before"}
                {"type":"sample","t":1100,"seq":2,"probe":"p","ok":true,"ms":3.5,"status":200,"error":null}
                {"type":"sample","t":1200,"seq":3,"probe":"p","ok":true,"ms":4.5,"status":200,"error":null}
                {"type":"run.ended","t":2000,"seq":4,"verdict":"held"}
                """);
        int code = run("report", dir.toString(), "--format", "md,junit", "--out", dir.resolve("out").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString().lines()).containsExactly(dir.resolve("out/report.md").toString(),
                dir.resolve("out/junit.xml").toString());
        assertThat(Files.readString(dir.resolve("out/report.md"))).contains("# Game day: Tiny")
                .contains("| p | success ratio | `>= 90%` | before | 100% | 2 | **PASS**");
    }

    @Test
    void aMissingJournalOrAnUnknownFormatIsBadInput() throws Exception {
        assertThat(run("report", dir.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("no journal here").doesNotContain("Exception");
        Files.writeString(dir.resolve("journal.jsonl"), "");
        assertThat(run("report", dir.toString(), "--format", "pdf")).isEqualTo(3);
        assertThat(err.toString()).contains("unknown report format 'pdf'");
    }

    @Test
    void helpShowsExamples() {
        assertThat(run("report", "--help")).isZero();
        assertThat(out.toString()).contains("Examples:").contains("--format").contains("RUN_DIR|JOURNAL");
    }
}
