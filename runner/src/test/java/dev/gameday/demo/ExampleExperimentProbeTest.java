package dev.gameday.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.experiment.Probe;
import dev.gameday.experiment.load.ExperimentLoader;
import dev.gameday.experiment.load.LoadedExperiment;
import dev.gameday.experiment.load.TestFiles;
import dev.gameday.hypothesis.ProbeSampler;
import dev.gameday.hypothesis.Sample;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example experiment's probe, as the loader builds it, sampled against the demo system. */
class ExampleExperimentProbeTest {
    @Test
    void theExampleProbeHoldsAgainstTheDemoStorefront() throws Exception {
        Path example = TestFiles.examplesDir().resolve("storefront-survives-slow-inventory.yaml");
        Vertx vertx = Vertx.vertx();
        try {
            DemoSystem demo = DemoSystem.start(vertx, 0, 0, null).await();
            LoadedExperiment loaded = ExperimentLoader.load(example,
                    Map.of("storefront", "http://127.0.0.1:" + demo.storefrontPort()),
                    Map.of("DEMO_TOKEN", "tok-123"));
            Probe probe = loaded.experiment().steadyState().probes().get(0);
            Sample sample = ProbeSampler.sampleOnce(vertx, probe, loaded.redactor()).await();
            assertThat(sample.ok()).as(String.valueOf(sample.error())).isTrue();
            assertThat(sample.status()).isEqualTo(200);
            assertThat(sample.probe()).isEqualTo("product-page");
            demo.close().await();
        } finally {
            vertx.close().await();
        }
    }
}
