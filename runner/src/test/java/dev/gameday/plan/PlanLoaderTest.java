package dev.gameday.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gameday.experiment.load.LoadOptions;
import dev.gameday.experiment.load.SecretPolicy;
import dev.gameday.experiment.load.TestFiles;
import dev.gameday.yaml.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanLoaderTest {
    static final LoadOptions VALIDATE = LoadOptions.DEFAULTS.withSecrets(SecretPolicy.OPTIONAL);

    @TempDir
    Path dir;

    static Path examplePlan() {
        return TestFiles.examplesDir().resolve("plans/storefront-game-day.yaml");
    }

    @Test
    void theExamplePlanLoadsWithItsMatrixBlackoutsAndFreezes() {
        Plan plan = PlanLoader.load(examplePlan(), Map.of("DEMO_TOKEN", "t0k3n-x"), LoadOptions.DEFAULTS).plan();
        assertThat(plan.title()).isEqualTo("Storefront resilience game day");
        assertThat(plan.participants()).extracting(Participant::role)
                .containsExactly("incident-commander", "scribe", "communications", "observer");
        assertThat(plan.when().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(plan.when().cron().syntax()).isEqualTo(CronSchedule.Syntax.UNIX);
        assertThat(plan.when().window()).isEqualTo(Duration.ofHours(1));
        assertThat(plan.when().grace()).isEqualTo(Duration.ofMinutes(15));
        assertThat(plan.stages()).hasSize(2);
        assertThat(plan.stages().get(1).parallel()).isFalse();
        assertThat(plan.entries()).extracting(PlannedExperiment::id)
                .containsExactly("storefront-survives-slow-inventory", "outage-by-variant-1", "outage-by-variant-2");
        assertThat(plan.entries().get(2).vars()).containsEntry("variant", "fragile");
        assertThat(plan.blackouts().get(1).days()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(plan.freezes()).extracting(Freeze::summary).contains("Q1 release freeze",
                "Month-end close (first of every month)");
        assertThat(plan.stop()).isEqualTo(StopPolicy.NEVER);
    }

    @Test
    void everyProblemAtOnceLocatedInItsOwnFile() throws IOException {
        Path exp = dir.resolve("broken.yaml");
        Files.writeString(exp, "version: 1\ntitle: Broken\nhypothesis: x\nsteadyState:\n  probes: []\nmethod: []\nbogus: 1\n");
        Path plan = write("""
                title: Bad plan
                participants:
                  - { name: Al, role: incident-comander }
                when:
                  cron: "61 * * * *"
                  zone: Mars/Olympus
                blackouts:
                  - { reason: weekends, days: [saturdy] }
                  - { reason: backwards, from: 2026-05-02T00:00, to: 2026-05-01T00:00 }
                experiments:
                  - experiment: missing.yaml
                  - experiment: broken.yaml
                  - experiment: broken.yaml
                stop: sometimes
                notifications:
                  - url: https://hooks.example.com/T000/B000/XXXX
                    events: [run.start]
                """);
        assertThatThrownBy(() -> PlanLoader.load(plan, Map.of(), VALIDATE))
                .isInstanceOfSatisfying(InvalidPlanException.class, e -> {
                    List<String> shown = e.problems().stream().map(Problem::toString).toList();
                    assertThat(shown).anyMatch(s -> s.startsWith(plan + ":3:") && s.contains("did you mean 'incident-commander'"));
                    assertThat(shown).anyMatch(s -> s.startsWith(plan + ":5:9: when.cron: not a unix cron expression"));
                    assertThat(shown).anyMatch(s -> s.startsWith(plan + ":6:9: when.zone: 'Mars/Olympus' is not a time zone"));
                    assertThat(shown).anyMatch(s -> s.startsWith(plan + ":8:") && s.contains("did you mean 'saturday'"));
                    assertThat(shown).anyMatch(s -> s.startsWith(plan + ":9:") && s.contains("must be after from"));
                    assertThat(shown).anyMatch(s -> s.startsWith(plan + ":11:") && s.contains("no such file"));
                    assertThat(shown).anyMatch(s -> s.startsWith(plan + ":13:") && s.contains("used twice"));
                    assertThat(shown).anyMatch(s -> s.startsWith(plan + ":14:") && s.contains("'sometimes' is not one of"));
                    assertThat(shown).anyMatch(s -> s.startsWith(plan + ":16:") && s.contains("write it as ${secret:NAME}"));
                    assertThat(shown).anyMatch(s -> s.startsWith(plan + ":17:") && s.contains("did you mean 'run.started'"));
                    assertThat(shown).anyMatch(s -> s.startsWith(exp + ":7:1: unknown key 'bogus'"));
                });
    }

    @Test
    void aWebhookSecretIsNeverShown() throws IOException {
        Files.writeString(dir.resolve("e.yaml"), Files.readString(TestFiles.examplesDir()
                .resolve("storefront-variant-inventory-outage.yaml")));
        String secret = "https://hooks.example.com/services/T0/B0/s3cr3t-" + System.nanoTime();
        Path plan = write("""
                title: Plan
                experiments:
                  - experiment: e.yaml
                notifications:
                  - url: ${secret:HOOK}
                    format: slak
                """);
        assertThatThrownBy(() -> PlanLoader.load(plan, Map.of("HOOK", secret + " not a url", "DEMO_TOKEN", "demo-token"),
                LoadOptions.DEFAULTS)).isInstanceOfSatisfying(InvalidPlanException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain("s3cr3t").contains("did you mean 'slack'");
                });
        write(Files.readString(plan).replace("slak", "slack"));
        LoadedPlan unset = PlanLoader.load(plan, Map.of("DEMO_TOKEN", "demo-token"), VALIDATE);
        assertThat(unset.plan().notifications()).isEmpty();
        assertThat(unset.warnings()).extracting(Problem::toString).anyMatch(w -> w.contains("secret HOOK is not set"));
        assertThatThrownBy(() -> PlanLoader.load(plan, Map.of("DEMO_TOKEN", "demo-token"),
                LoadOptions.DEFAULTS)).hasMessageContaining("secret HOOK is not set");
    }

    @Test
    void runsInParallelMayNotShareAListenAddress() throws IOException {
        DemoBed.writeOutageExperiment(dir);
        Path plan = write("""
                title: Clash
                experiments:
                  - parallel:
                      - { experiment: outage.yaml, id: a, vars: { inventoryProxy: "127.0.0.1:7001" } }
                      - { experiment: outage.yaml, id: b, vars: { inventoryProxy: "127.0.0.1:7001" } }
                  - experiment: outage.yaml
                    matrix: [{ inventoryProxy: "127.0.0.1:7002" }, { inventoryProxy: "127.0.0.1:7003" }]
                    parallel: true
                """);
        assertThatThrownBy(() -> PlanLoader.load(plan, Map.of(), VALIDATE)).hasMessage(plan + ":5:23: b and a run in "
                + "parallel and both listen on 127.0.0.1:7001 (proxy inventory): give each its own vars");
    }

    @Test
    void notAPlanAtAll() throws IOException {
        Path plan = write("just a string\n");
        assertThatThrownBy(() -> PlanLoader.load(plan, Map.of(), VALIDATE))
                .hasMessage(plan + ":1:1: expected a mapping of plan fields (title, when, experiments, ...) at the top "
                        + "level, found a value; is this a YAML plan file?");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("p.yaml"), yaml);
    }
}
