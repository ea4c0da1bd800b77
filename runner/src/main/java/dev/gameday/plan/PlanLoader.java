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
import java.util.ArrayList;
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
        List<Problem> all = new ArrayList<>(problems.sorted(plan.redactor()));
        List<Problem> warnings = new ArrayList<>(problems.warnings(plan.redactor()));
        for (PlanEntry entry : plan.entries()) {
            if (!binder.experimentExists(entry)) {
                continue; // already reported at the entry
            }
            try {
                warnings.addAll(ExperimentLoader.load(entry.experiment(), entry.vars(), env, options).warnings());
            } catch (InvalidExperimentException e) {
                all.addAll(e.problems());
            }
        }
        if (!all.isEmpty()) {
            throw new InvalidPlanException(List.copyOf(new java.util.LinkedHashSet<>(all)));
        }
        return new LoadedPlan(plan, List.copyOf(new java.util.LinkedHashSet<>(warnings)));
    }
}
