package dev.gameday.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.journal.JournalSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile corpus is damaged on purpose, but its controls — the files its README names as well
 * formed — are journals as the contract defines them: every line validates against the journal's
 * JSON Schema, so the damaged files are damaged in one thing only.
 */
class WellFormedJournalsTest {
    private static final Path CORPUS = Path.of("src/test/resources/hostile-journals");
    /** The README's line naming the well-formed files: {@code Well formed ...: `a.jsonl`, `b.jsonl`}. */
    private static final Pattern WELL_FORMED_LINE = Pattern.compile("(?m)^Well formed\\b.*$");
    private static final Pattern FILE = Pattern.compile("`([^`]+\\.jsonl)`");

    static List<Path> wellFormed() throws IOException {
        Matcher line = WELL_FORMED_LINE.matcher(Files.readString(CORPUS.resolve("README.md")));
        assertThat(line.find()).as("the README's line naming the well-formed journals").isTrue();
        List<Path> files = new ArrayList<>();
        Matcher file = FILE.matcher(line.group());
        while (file.find()) {
            files.add(CORPUS.resolve(file.group(1)));
        }
        return files;
    }

    @Test
    void theReadmeNamesControlsThatExist() throws IOException {
        assertThat(wellFormed()).isNotEmpty().allSatisfy(f -> assertThat(f).isRegularFile());
        assertThat(wellFormed()).contains(CORPUS.resolve("control.jsonl"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void everyLineOfAWellFormedJournalValidates(Path journal) {
        assertThat(JournalSchema.problems(journal)).as(journal.toString()).isEmpty();
    }
}
