package dev.gameday.experiment.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not experiments at all, or are built to hurt the parser: one located problem each, quickly. */
class HostileInputTest {
    @TempDir
    Path dir;

    private String onlyProblem(Path file) {
        InvalidExperimentException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidExperimentException.class,
                () -> ExperimentLoader.load(file, Map.of(), Map.of()));
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0).toString();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void emptyFile() throws IOException {
        Path f = write("empty.yaml", "");
        assertThat(onlyProblem(f)).isEqualTo(f + ":1:1: the file is empty: expected a mapping of experiment fields"
                + " (title, proxies, steadyState, method, ...)");
    }

    @Test
    void onlyComments() throws IOException {
        assertThat(onlyProblem(write("c.yaml", "# nothing\n\n# here\n"))).contains(":1:1: the file is empty");
    }

    @Test
    void binaryFile() throws IOException {
        assertThat(onlyProblem(write("b.yaml", new byte[] {'t', 'i', '\n', 'x', 0, 1, 2})))
                .endsWith(":2:2: binary file (NUL byte): an experiment file is UTF-8 YAML text");
    }

    @Test
    void notUtf8() throws IOException {
        assertThat(onlyProblem(write("l.yaml", new byte[] {'t', ':', ' ', 'c', 'a', 'f', (byte) 0xe9, '\n'})))
                .endsWith(":1:7: not UTF-8 text (invalid byte 0xe9): an experiment file is UTF-8 YAML text");
    }

    @Test
    void notYaml() throws IOException {
        assertThat(onlyProblem(write("n.yaml", "title: [unclosed\nfoo: }\n")))
                .contains(":2:4: not valid YAML: expected ',' or ']'");
    }

    @Test
    void topLevelNotAMapping() throws IOException {
        assertThat(onlyProblem(write("list.yaml", "- a\n- b\n"))).contains(":1:1: expected a mapping of experiment fields")
                .endsWith("found a list");
        assertThat(onlyProblem(write("text.yaml", "just some words\n"))).contains("found a value");
    }

    @Test
    void unsupportedYaml() throws IOException {
        assertThat(onlyProblem(write("bin.yaml", "title: !!binary aGVsbG8=\n")))
                .endsWith(":1:8: binary values (!!binary) are not supported: write text");
        assertThat(onlyProblem(write("key.yaml", "? [a, b]\n: c\n")))
                .endsWith(":1:4: not valid YAML: a key must be a single value, not a list or a mapping");
        assertThat(onlyProblem(write("alias.yaml", "title: &t hello\nhypothesis: *t\n")))
                .endsWith(":2:13: alias *t refers to no anchored mapping or list (anchors on single values are not supported)");
    }

    @Test
    void severalDocuments() throws IOException {
        assertThat(onlyProblem(write("m.yaml", "title: a\n---\ntitle: b\n")))
                .contains(":3:1: the file holds more than one YAML document");
    }

    @Test
    void deepNesting() throws IOException {
        String deep = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        assertThat(onlyProblem(write("deep.yaml", deep))).contains(":1:67: nesting is deeper than 64 levels");
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        Path bomb = TestFiles.fixture("hostile/billion-laughs.yaml");
        String problem = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> onlyProblem(bomb));
        assertThat(problem).contains("refusing a possible YAML bomb");
    }

    @Test
    void manyAliasesAreRefused() throws IOException {
        StringBuilder yaml = new StringBuilder("a: &a [x]\nb: [");
        yaml.append("*a, ".repeat(200)).append("*a]\n");
        assertThat(onlyProblem(write("aliases.yaml", yaml.toString()))).contains("more than 100 aliases");
    }

    @Test
    void hugeFileIsRefusedBeforeReading() throws IOException {
        Path f = dir.resolve("huge.yaml");
        try (var out = Files.newOutputStream(f)) {
            byte[] line = "# padding padding padding padding padding padding padding padding\n".getBytes(StandardCharsets.UTF_8);
            for (int written = 0; written < 5 * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        assertThat(onlyProblem(f)).endsWith(":1:1: file is too large (over 4 MiB): an experiment file is a few kilobytes of YAML");
    }

    @Test
    void missingFileAndDirectory() {
        assertThat(onlyProblem(dir.resolve("nope.yaml"))).endsWith("nope.yaml:1:1: no such file");
        assertThat(onlyProblem(dir)).endsWith(":1:1: cannot read the file: it is a directory");
    }

    @Test
    void aliasesToMappingsWork() throws IOException {
        String yaml = ValidationRulesTest.BASE.replace("title: t", "title: t\nvars: &v {a: b}\ndescription: d")
                .replace("  - name: api\n    upstream: 127.0.0.1:9000",
                        "  - &p {name: api, upstream: 127.0.0.1:9000}\n  - *p");
        Path f = write("alias.yaml", yaml);
        assertThatThrownBy(() -> ExperimentLoader.load(f, Map.of(), Map.of()))
                .hasMessageContaining("proxies[1].name: 'api' is already used by proxies[0]");
    }

    @Test
    void thousandsOfProblemsAreCutShort() throws IOException {
        StringBuilder yaml = new StringBuilder(ValidationRulesTest.BASE);
        for (int i = 0; i < 2_000; i++) {
            yaml.append("unknown").append(i).append(": x\n");
        }
        Path f = write("many.yaml", yaml.toString());
        InvalidExperimentException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidExperimentException.class,
                () -> ExperimentLoader.load(f, Map.of(), Map.of()));
        assertThat(e.problems()).hasSize(101);
        assertThat(e.problems().get(100).message()).isEqualTo("... and 1900 more problems from here on; fix these first");
    }

    /**
     * Every value of valid experiments replaced in turn by something wrong (empty, zero, negative, a
     * list, a mapping, an unknown variable, control characters): the loader either loads the file or
     * reports problems, and never fails in another way.
     */
    @Test
    void noWrongValueMakesTheLoaderThrow() throws IOException {
        List<String> wrong = List.of("\"\"", "0", "0s", "-1", "[a, b]", "{a: b}", "~", "\"${var.nope}\"",
                "\"\\e[2J\\a\"", "99999999999999999999", "\"..\"");
        Path example = TestFiles.examplesDir().resolve("storefront-survives-slow-inventory.yaml");
        Map<String, String> env = TestFiles.envFor(example);
        java.util.regex.Pattern keyValue = java.util.regex.Pattern.compile("^(\\s*(?:- )?[A-Za-z0-9]+: )([^#\\s].*)$");
        int loads = 0;
        for (String yaml : List.of(ValidationRulesTest.BASE, Files.readString(example))) {
            String[] lines = yaml.split("\n");
            for (int i = 0; i < lines.length; i++) {
                java.util.regex.Matcher m = keyValue.matcher(lines[i]);
                for (String value : m.matches() ? wrong : List.<String>of()) {
                    String[] changed = lines.clone();
                    changed[i] = m.group(1) + value;
                    Path f = write("mutated.yaml", String.join("\n", changed) + "\n");
                    try {
                        ExperimentLoader.load(f, Map.of(), env);
                    } catch (InvalidExperimentException e) {
                        assertThat(e.problems()).as(changed[i]).isNotEmpty();
                    }
                    loads++;
                }
            }
        }
        assertThat(loads).isGreaterThan(500);
    }
}
