package dev.gameday.experiment.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long loading takes: a real example, a file with five mistakes, and the hostile files that must
 * be refused quickly. Run as documented in BENCHMARKS.md ("Experiment loader").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ExperimentLoaderBench {
    private Path example;
    private Map<String, String> exampleEnv;
    private Path fiveMistakes;
    private Path billionLaughs;
    private Path deepNesting;
    private Path variableBomb;

    @Setup
    public void files() throws IOException {
        example = TestFiles.examplesDir().resolve("storefront-survives-slow-inventory.yaml");
        exampleEnv = TestFiles.envFor(example);
        fiveMistakes = TestFiles.fixture("five-mistakes.yaml");
        billionLaughs = TestFiles.fixture("hostile/billion-laughs.yaml");
        variableBomb = TestFiles.fixture("hostile/var-bomb-9-levels.yaml");
        deepNesting = Files.createTempFile("deep", ".yaml");
        deepNesting.toFile().deleteOnExit();
        Files.writeString(deepNesting, "a: " + "[".repeat(100_000) + "]".repeat(100_000));
    }

    @Benchmark
    public LoadedExperiment loadExample() {
        return ExperimentLoader.load(example, Map.of(), exampleEnv);
    }

    @Benchmark
    public int reportFiveMistakes() {
        return problems(fiveMistakes);
    }

    @Benchmark
    public int refuseBillionLaughs() {
        return problems(billionLaughs);
    }

    @Benchmark
    public int refuseVariableBomb() {
        return problems(variableBomb);
    }

    @Benchmark
    public int refuseDeepNesting() {
        return problems(deepNesting);
    }

    private static int problems(Path file) {
        try {
            ExperimentLoader.load(file, Map.of(), Map.of());
            throw new IllegalStateException(file + " should not load");
        } catch (InvalidExperimentException e) {
            return e.problems().size();
        }
    }
}
