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

/** What the commands choose: whether secrets must be set, whether programs may be run. */
class LoadOptionsTest {
    private static final String WITH_SECRET = ValidationRulesTest.BASE.replace("url: http://127.0.0.1:8080/",
            "url: http://127.0.0.1:8080/\n      headers: {Authorization: \"Bearer ${secret:TOKEN}\"}");
    private static final LoadOptions OPTIONAL = LoadOptions.DEFAULTS.withSecrets(SecretPolicy.OPTIONAL);

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("x.yaml"), yaml);
    }

    @Test
    void aMissingSecretIsAnErrorByDefault() throws IOException {
        Path f = write(WITH_SECRET);
        assertThatThrownBy(() -> ExperimentLoader.load(f, Map.of(), Map.of()))
                .isInstanceOfSatisfying(InvalidExperimentException.class, e -> assertThat(e.problems())
                        .extracting(Problem::toString)
                        .containsExactly(f + ":11:32: secret TOKEN is not set: export TOKEN in the environment"));
    }

    @Test
    void anOptionalSecretIsOneWarningAndARedactedPlaceholder() throws IOException {
        Path f = write(WITH_SECRET.replace("title: t", "title: t\ndescription: \"${secret:TOKEN} again\""));
        LoadedExperiment loaded = ExperimentLoader.load(f, Map.of(), Map.of(), OPTIONAL);
        assertThat(loaded.warnings()).extracting(Problem::toString).containsExactly(f + ":2:14: warning: secret TOKEN"
                + " is not set (not needed to check the file; export TOKEN before running it)");
        HttpTarget redacted = (HttpTarget) loaded.redacted().steadyState().probes().get(0).target();
        assertThat(redacted.headers()).containsEntry("Authorization", "Bearer ***");
        assertThat(loaded.redacted().description()).isEqualTo("*** again");
        assertThat(ExperimentJson.toTree(loaded.redacted()).toString()).doesNotContain("unset-secret");
    }

    @Test
    void aSetSecretGivesNoWarning() throws IOException {
        LoadedExperiment loaded = ExperimentLoader.load(write(WITH_SECRET), Map.of(), Map.of("TOKEN", "s3cr3t-value"),
                OPTIONAL);
        assertThat(loaded.warnings()).isEmpty();
        assertThat(((HttpTarget) loaded.experiment().steadyState().probes().get(0).target()).headers())
                .containsEntry("Authorization", "Bearer s3cr3t-value");
    }

    @Test
    void refusingCommandsReportsEachProgram() throws IOException {
        String yaml = ValidationRulesTest.BASE
                .replace("      type: http\n      url: http://127.0.0.1:8080/\n", "      type: command\n      run: [sh, -c, \"exit 0\"]\n")
                .replace("tabletop:", "rollbacks:\n  - {name: undo, type: command, run: [./undo.sh]}\n"
                        + "  - {name: flush, type: http, url: http://127.0.0.1:8080/flush}\ntabletop:");
        Path f = write(yaml);
        assertThat(ExperimentLoader.load(f, Map.of(), Map.of()).experiment().rollbacks()).hasSize(2);
        assertThatThrownBy(() -> ExperimentLoader.load(f, Map.of(), Map.of(), LoadOptions.DEFAULTS.withRefuseCommands(true)))
                .isInstanceOfSatisfying(InvalidExperimentException.class, e -> assertThat(e.problems())
                        .extracting(Problem::toString)
                        .containsExactly(
                                f + ":9:13: steadyState.probes[0].type: this experiment runs programs: probe 'home'"
                                        + " runs sh -c exit 0; refused by --no-commands",
                                f + ":26:24: rollbacks[0].type: this experiment runs programs: rollback 'undo' runs"
                                        + " ./undo.sh; refused by --no-commands"));
    }

    @Test
    void optionsAreImmutableValues() {
        assertThat(LoadOptions.DEFAULTS).isEqualTo(new LoadOptions(SecretPolicy.REQUIRED, false));
        assertThat(OPTIONAL.withRefuseCommands(true)).isEqualTo(new LoadOptions(SecretPolicy.OPTIONAL, true));
        assertThat(List.of(SecretPolicy.values())).containsExactly(SecretPolicy.REQUIRED, SecretPolicy.OPTIONAL);
    }
}
