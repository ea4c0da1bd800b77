package dev.gameday.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code gameday report} and {@code gameday replay} over the hostile-journal corpus of the reports
 * module (its README says what each file attacks): what reaches the user is reports written and exit
 * code 0, or — when there is nothing to replay — exit code 3 and one line in a user's words; never an
 * exception's class, a method name or a stack trace.
 */
@Isolated("swaps the JVM's standard streams or its log levels, which every test shares")
class HostileJournalCommandsTest {
    /** The corpus lives with the reports' tests; Maven runs this module's tests in {@code runner/}. */
    private static final Path CORPUS = Path.of("../reports/src/test/resources/hostile-journals");
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private InputStream stdin;

    @BeforeEach
    void noInput() {
        stdin = System.in;
        System.setIn(new ByteArrayInputStream(new byte[0]));
    }

    @AfterEach
    void restoreInput() {
        System.setIn(stdin);
    }

    static List<String> journals() throws Exception {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl")).sorted().toList();
        }
    }

    @Test
    void theCorpusIsThere() throws Exception {
        assertThat(journals()).contains("control.jsonl", "invalid-utf8.jsonl", "empty.jsonl").hasSizeGreaterThan(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("journals")
    void reportAndReplayAnswerInAUsersWords(String journal) throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.copy(CORPUS.resolve(journal), run.resolve("journal.jsonl"));
        assertTimeoutPreemptively(BOUND, () -> {
            int report = gameday("report", run.toString(), "--out", run.resolve("out").toString());
            assertThat(report).as(err.toString()).isZero();
            assertThat(out.toString().lines()).hasSize(3);
            assertThat(err.toString()).isEmpty();

            int replay = gameday("replay", run.resolve("journal.jsonl").toString(), "--speed", "1000x");
            String said = err.toString();
            if (replay == 0) {
                assertThat(said).isEmpty();
                assertThat(out.toString()).contains("Replay of ");
            } else {
                assertThat(replay).as(said).isEqualTo(ExitCode.INVALID_INPUT.code());
                assertThat(said.lines()).hasSize(1);
                assertThat(said).startsWith("gameday: ").contains("nothing to replay");
            }
            assertThat(said).doesNotContainPattern("Exception|java\\.|\\tat |\\bnull\\b");
        });
    }

    private int gameday(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Gameday.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void aJournalThatCannotBeReadSaysSoInOneLine() throws Exception {
        Path run = Files.createDirectories(dir.resolve("unreadable"));
        Path journal = Files.writeString(run.resolve("journal.jsonl"), "{}\n", StandardCharsets.UTF_8);
        assumeTrue(journal.toFile().setReadable(false) && !Files.isReadable(journal), "root reads every file");
        assertThat(gameday("report", run.toString())).isNotZero();
        assertThat(err.toString().lines()).containsExactly("gameday: " + journal + ": cannot read the journal: "
                + "permission denied");
    }
}
