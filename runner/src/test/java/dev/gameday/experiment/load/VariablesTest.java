package dev.gameday.experiment.load;

import dev.gameday.yaml.Problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gameday.experiment.ExperimentJson;
import dev.gameday.experiment.HttpTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariablesTest {
    private static final String YAML = ValidationRulesTest.BASE
            .replace("hypothesis: h", """
                    hypothesis: h
                    owner: ${env:OWNER:-nobody}
                    team: ${env:TEAM}
                    description: costs $${not a variable}
                    vars:
                      host: 127.0.0.1
                      base: http://${var.host}:${var.port}
                      port: "8080"
                    """)
            .replace("url: http://127.0.0.1:8080/", """
                    url: ${var.base}/health
                          headers:
                            Authorization: Bearer ${secret:TOKEN}""");

    @TempDir
    Path dir;

    private LoadedExperiment load(Map<String, String> cli, Map<String, String> env) throws IOException {
        return ExperimentLoader.load(Files.writeString(dir.resolve("v.yaml"), YAML), cli, env);
    }

    private static HttpTarget http(dev.gameday.experiment.Experiment e) {
        return (HttpTarget) e.steadyState().probes().get(0).target();
    }

    @Test
    void substitutesEnvironmentDefaultsAndVars() throws IOException {
        LoadedExperiment l = load(Map.of(), Map.of("TEAM", "sre", "TOKEN", "s3cr3t"));
        assertThat(l.experiment().owner()).isEqualTo("nobody");
        assertThat(l.experiment().team()).isEqualTo("sre");
        assertThat(l.experiment().description()).isEqualTo("costs ${not a variable}");
        assertThat(http(l.experiment()).url()).isEqualTo("http://127.0.0.1:8080/health");
        assertThat(l.experiment().vars()).containsEntry("base", "http://127.0.0.1:8080").containsEntry("port", "8080");
    }

    @Test
    void commandLineVarsWin() throws IOException {
        LoadedExperiment l = load(Map.of("port", "9090"), Map.of("TEAM", "sre", "TOKEN", "s3cr3t", "OWNER", "ann"));
        assertThat(http(l.experiment()).url()).isEqualTo("http://127.0.0.1:9090/health");
        assertThat(l.experiment().vars()).containsEntry("port", "9090");
        assertThat(l.experiment().owner()).isEqualTo("ann");
    }

    @Test
    void secretsAreRedactedEverywhere() throws IOException {
        LoadedExperiment l = load(Map.of(), Map.of("TEAM", "sre", "TOKEN", "s3cr3t"));
        assertThat(http(l.experiment()).headers()).containsEntry("Authorization", "Bearer s3cr3t");
        assertThat(http(l.redacted()).headers()).containsEntry("Authorization", "Bearer ***");
        assertThat(ExperimentJson.toTree(l.redacted()).toString()).doesNotContain("s3cr3t");
        assertThat(l.redactor().redact("401 for token s3cr3t")).isEqualTo("401 for token ***");
        assertThat(l.redacted().title()).isEqualTo(l.experiment().title());
    }

    @Test
    void withoutSecretsNothingIsRedacted() throws IOException {
        String plain = ValidationRulesTest.BASE;
        LoadedExperiment l = ExperimentLoader.load(Files.writeString(dir.resolve("p.yaml"), plain), Map.of(), Map.of());
        assertThat(l.redacted()).isEqualTo(l.experiment());
        assertThat(l.redactor().redact("text")).isEqualTo("text");
    }

    /** Every message that quotes a value: the secret in it is masked, even with a line break in it. */
    @Test
    void noMessageShowsASecret() throws IOException {
        String secret = "hunter2\nline two";
        Path file = Files.writeString(dir.resolve("leak.yaml"), ValidationRulesTest.BASE
                .replace("url: http://127.0.0.1:8080/", "url: \"http://127.0.0.1:8080/${secret:TOKEN} x\"")
                .replace("toxic: latency", "toxic: \"${secret:TOKEN}\"")
                .replace("duration: 5s", "duration: \"5s${secret:TOKEN}\"")
                .replace("successRatio: \">= 99%\"", "successRatio: \">= ${secret:TOKEN}%\"")
                .replace("title: t", "title: \"${secret:TOKEN}\\e\""));
        assertThatThrownBy(() -> ExperimentLoader.load(file, Map.of(), Map.of("TOKEN", secret)))
                .isInstanceOfSatisfying(InvalidExperimentException.class, e -> {
                    List<String> messages = e.problems().stream().map(Problem::message).toList();
                    assertThat(messages).containsExactly(
                            "title: '***\\e' holds control characters (such as escape sequences or line breaks):"
                                    + " write one line of printable text",
                            "steadyState.probes[0].url: 'http://127.0.0.1:8080/*** x' is not an http:// or https:// URL"
                                    + " with a host",
                            "steadyState.probes[0].tolerance.successRatio: '***%' is not a percentage: write e.g. \">= 99%\"",
                            "method[0].fault.toxic: '***' is not one of latency, down, bandwidth, timeout, slow_close,"
                                    + " reset_peer, slicer, limit_data",
                            "method[0].fault.duration: '5s***' is not a duration: write a number and a unit (us, ms, s,"
                                    + " m, h, d), e.g. 250ms, 30s, 5m, 1m30s");
                    assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("line two");
                });
    }

    @Test
    void aSecretTooShortToMaskIsRefusedWithoutSayingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("short.yaml"),
                ValidationRulesTest.BASE.replace("hypothesis: h", "hypothesis: ${secret:PIN}"));
        assertThatThrownBy(() -> ExperimentLoader.load(file, Map.of(), Map.of("PIN", "123")))
                .isInstanceOfSatisfying(InvalidExperimentException.class, e -> assertThat(e.problems())
                        .extracting(Problem::toString)
                        .containsExactly(file + ":2:13: secret PIN is shorter than 4 characters: a value that short"
                                + " cannot be masked in messages without mangling them; use a longer one"));
    }

    @Test
    void expansionIsBoundedPerValue() throws IOException {
        // 10 KiB, 100 KiB: the second is over the 64 KiB a value may be
        Path file = Files.writeString(dir.resolve("big.yaml"), ValidationRulesTest.BASE.replace("hypothesis: h",
                "hypothesis: ${var.b}\nvars:\n  a: " + "x".repeat(10 * 1024) + "\n  b: \"" + "${var.a}".repeat(10) + "\""));
        assertThatThrownBy(() -> ExperimentLoader.load(file, Map.of(), Map.of()))
                .isInstanceOfSatisfying(InvalidExperimentException.class, e -> assertThat(e.problems())
                        .extracting(Problem::toString)
                        .containsExactly(file + ":5:6: this value expands to more than 64 KiB through its variables;"
                                + " a value may be at most 64 KiB"));
    }

    @Test
    void expansionIsBoundedInTotal() throws IOException {
        StringBuilder tags = new StringBuilder("tags:\n");
        for (int i = 0; i < 100; i++) {
            tags.append("  - \"").append(i).append(" ${var.a}\"\n");
        }
        Path file = Files.writeString(dir.resolve("total.yaml"), ValidationRulesTest.BASE.replace("hypothesis: h",
                "hypothesis: h\nvars:\n  a: " + "x".repeat(60 * 1024) + "\n" + tags));
        assertThatThrownBy(() -> ExperimentLoader.load(file, Map.of(), Map.of()))
                .isInstanceOfSatisfying(InvalidExperimentException.class, e -> assertThat(e.problems())
                        .extracting(Problem::toString)
                        .containsExactly(file + ":74:5: variables expand the file to more than 4 MiB of text; refusing it"));
    }

    @Test
    void variablesNestAtMostSixteenDeep() throws IOException {
        StringBuilder vars = new StringBuilder("vars:\n");
        for (int i = 0; i < 17; i++) {
            vars.append("  v").append(i).append(": \"${var.v").append(i + 1).append("}\"\n");
        }
        vars.append("  v17: end\n");
        String yaml = ValidationRulesTest.BASE.replace("hypothesis: h", "hypothesis: ${var.v0}\n" + vars);
        Path tooDeep = Files.writeString(dir.resolve("deep.yaml"), yaml);
        assertThatThrownBy(() -> ExperimentLoader.load(tooDeep, Map.of(), Map.of()))
                .isInstanceOfSatisfying(InvalidExperimentException.class, e -> assertThat(e.problems())
                        .extracting(Problem::toString)
                        .containsExactly(tooDeep + ":20:8: variables nest more than 16 levels deep (v0 -> v1 -> v2 -> v3"
                                + " -> v4 -> v5 -> v6 -> v7 -> v8 -> v9 -> v10 -> v11 -> v12 -> v13 -> v14 -> v15 -> v16);"
                                + " refusing them"));
        // v2 -> ... -> v17 is sixteen levels
        Path deepEnough = Files.writeString(dir.resolve("ok.yaml"), yaml.replace("${var.v0}", "${var.v2}"));
        assertThat(ExperimentLoader.load(deepEnough, Map.of(), Map.of()).experiment().hypothesis()).isEqualTo("end");
    }
}
