package dev.gameday.experiment.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.experiment.ExperimentJson;
import dev.gameday.experiment.HttpTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
