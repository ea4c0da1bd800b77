package dev.gameday.experiment.bench;

import dev.gameday.experiment.Redactor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What redacting one journal value costs: the journal writer passes every text value of every event
 * (a sample's error, a probe's output) through {@link Redactor#redact}. Run as documented in
 * BENCHMARKS.md ("Redactor").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RedactorBench {
    private static final String ERROR = "GET http://127.0.0.1:8080/products/42?variant=resilient failed after"
            + " 2000 ms: connection refused (io.netty.channel.AbstractChannel$AnnotatedConnectException)";

    @Param({"1", "3"})
    int secrets;

    private Redactor redactor;
    private String withSecret;

    @Setup
    public void secrets() {
        List<String> values = List.of("not-a-real-token-4f9c2e", "db-password-77", "api key with spaces");
        redactor = Redactor.of(values.subList(0, secrets));
        withSecret = ERROR + " Authorization: Bearer " + values.get(0);
    }

    /** The usual case: a 170-character value without any secret. */
    @Benchmark
    public String valueWithoutSecret() {
        return redactor.redact(ERROR);
    }

    @Benchmark
    public String valueWithSecret() {
        return redactor.redact(withSecret);
    }
}
