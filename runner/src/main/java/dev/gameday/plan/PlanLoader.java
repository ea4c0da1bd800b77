package dev.gameday.plan;

import dev.gameday.experiment.Redactor;
import dev.gameday.experiment.load.ExperimentLoader;
import dev.gameday.experiment.load.InvalidExperimentException;
import dev.gameday.experiment.load.LoadOptions;
import dev.gameday.experiment.load.SecretPolicy;
import dev.gameday.plan.internal.PlanBinder;
import dev.gameday.yaml.FileKind;
import dev.gameday.yaml.Node;
import dev.gameday.yaml.Problem;
import dev.gameday.yaml.Problems;
import dev.gameday.yaml.YamlTreeReader;
import java.nio.file.Path;
import dev.gameday.experiment.ProxySpec;
import dev.gameday.experiment.load.LoadedExperiment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Loads a plan file (docs/plan-format.md) and checks every experiment it names with the vars each
 * entry runs with, reporting every problem of the plan and of its experiments at once, each as
 * {@code file:line:column: message} in its own file. Loading runs nothing.
 */
public final class PlanLoader {
    static final FileKind KIND = new FileKind("plan", "title, when, experiments, ...");

    private PlanLoader() {}

    /**
     * Loads {@code file} with no {@code --var}s, reading {@code ${env:…}} and {@code ${secret:…}} (webhook URLs) and the
     * experiments' secrets from {@code env}; {@code options} say how strict to be with the experiments
     * (and whether a plan secret that is not set is a problem or a warning).
     */
    public static LoadedPlan load(Path file, Map<String, String> env, LoadOptions options) throws InvalidPlanException {
        return load(file, Map.of(), env, options);
    }

    /**
     * Like {@link #load(Path, Map, LoadOptions)}, with {@code cliVars} ({@code --var}) over the plan's
     * {@code vars} for every entry (an entry's own vars and its matrix row still win: they are what the
     * entry is about).
     */
    public static LoadedPlan load(Path file, Map<String, String> cliVars, Map<String, String> env, LoadOptions options)
            throws InvalidPlanException {
        Problems problems = new Problems(file);
        byte[] bytes = YamlTreeReader.readBytes(file, problems, KIND);
        Node.MapNode tree = bytes == null ? null : YamlTreeReader.read(bytes, problems, KIND);
        if (tree == null) {
            throw new InvalidPlanException(problems.sorted(Redactor.NONE));
        }
        PlanBinder binder = new PlanBinder(file, cliVars, env, options.secrets() == SecretPolicy.REQUIRED, problems);
        Plan plan = binder.bind(tree);
        List<Problem> experimentProblems = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        Map<PlannedExperiment, LoadedExperiment> experiments = new HashMap<>();
        for (PlannedExperiment entry : plan.entries()) {
            if (!binder.experimentExists(entry)) {
                continue; // already reported at the entry
            }
            try {
                LoadedExperiment loaded = ExperimentLoader.load(entry.experiment(), entry.vars(), env, options);
                experiments.put(entry, loaded);
                warnings.addAll(loaded.warnings());
            } catch (InvalidExperimentException e) {
                experimentProblems.addAll(e.problems());
            }
        }
        for (Stage stage : plan.stages()) {
            if (stage.parallel()) {
                checkListenAddresses(stage, experiments, binder, problems);
            }
        }
        List<Problem> all = new ArrayList<>(problems.sorted(plan.redactor()));
        all.addAll(experimentProblems);
        warnings.addAll(0, problems.warnings(plan.redactor()));
        if (!all.isEmpty()) {
            throw new InvalidPlanException(List.copyOf(new LinkedHashSet<>(all)));
        }
        return new LoadedPlan(plan, List.copyOf(new LinkedHashSet<>(warnings)));
    }

    /** Runs at the same time cannot share a proxy's listen address: the second could not bind it. */
    private static void checkListenAddresses(Stage stage, Map<PlannedExperiment, LoadedExperiment> experiments, PlanBinder binder,
            Problems problems) {
        Map<String, PlannedExperiment> taken = new HashMap<>();
        for (PlannedExperiment entry : stage.entries()) {
            LoadedExperiment loaded = experiments.get(entry);
            if (loaded == null) {
                continue;
            }
            for (ProxySpec proxy : loaded.experiment().proxies()) {
                PlannedExperiment first = taken.putIfAbsent(proxy.listen(), entry);
                if (first != null && first != entry) {
                    problems.add(binder.where(entry), entry.id() + " and " + first.id() + " run in parallel and both "
                            + "listen on " + proxy.listen() + " (proxy " + proxy.name() + "): give each its own vars");
                }
            }
        }
    }
}
