package dev.gameday.run;

import dev.gameday.experiment.Probe;
import dev.gameday.experiment.Redactor;
import dev.gameday.hypothesis.ProbeSampler;
import dev.gameday.hypothesis.Sample;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The steady-state probes of a run, sampled together: started with the steady state before, paused
 * while the baseline is judged (every slot sent comes back first), resumed for the method, stopped at
 * the end (again waiting for every slot sent, so each yields its sample).
 */
final class Sampling {
    private final List<ProbeSampler> samplers = new ArrayList<>();

    Sampling(Vertx vertx, Collection<Probe> probes, Redactor redactor, Consumer<Sample> onSample) {
        probes.forEach(p -> samplers.add(new ProbeSampler(vertx, p, redactor, onSample)));
    }

    void start() {
        samplers.forEach(ProbeSampler::start);
    }

    void resume() {
        samplers.forEach(ProbeSampler::resume);
    }

    Future<Void> pause() {
        return all(ProbeSampler::pause);
    }

    Future<Void> stop() {
        return all(ProbeSampler::stop);
    }

    private Future<Void> all(Function<ProbeSampler, Future<Void>> each) {
        return Future.join(samplers.stream().map(each).toList()).mapEmpty();
    }
}
