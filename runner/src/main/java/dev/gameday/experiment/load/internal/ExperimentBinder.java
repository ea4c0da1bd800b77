package dev.gameday.experiment.load.internal;

import dev.gameday.yaml.Suggestions;
import dev.gameday.yaml.Fields;
import dev.gameday.yaml.Problems;
import dev.gameday.yaml.Node;
import dev.gameday.experiment.AbortCondition;
import dev.gameday.experiment.CheckPhase;
import dev.gameday.experiment.Durations;
import dev.gameday.experiment.spi.Address;
import dev.gameday.experiment.spi.HttpUrls;
import dev.gameday.experiment.spi.ProbeKind;
import dev.gameday.experiment.spi.ProbeKinds;
import dev.gameday.experiment.Experiment;
import dev.gameday.experiment.LatencyBound;
import dev.gameday.experiment.Premortem;
import dev.gameday.experiment.Probe;
import dev.gameday.experiment.ProbeTarget;
import dev.gameday.experiment.ProxySpec;
import dev.gameday.experiment.RatioBound;
import dev.gameday.experiment.Recovery;
import dev.gameday.experiment.Rollback;
import dev.gameday.experiment.Slo;
import dev.gameday.experiment.SteadyState;
import dev.gameday.experiment.Step;
import dev.gameday.experiment.TabletopPrompt;
import dev.gameday.experiment.Tolerance;
import dev.gameday.experiment.ToxiproxyTarget;
import dev.gameday.experiment.ValueBound;
import dev.gameday.experiment.load.LoadOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the substituted tree of an experiment file into an {@link Experiment}, recording every problem
 * (types, required fields, values, references between sections, duplicate names) on the way.
 * The result is meaningful only when no problem was recorded.
 */
public final class ExperimentBinder {
    static final Set<String> TOP_KEYS = new LinkedHashSet<>(List.of("version", "title", "description", "owner",
            "team", "tags", "hypothesis", "vars", "toxiproxy", "proxies", "steadyState", "method", "abort",
            "rollbacks", "recovery", "slo", "premortem", "tabletop"));
    private static final List<String> PROXY_KEYS = List.of("name", "listen", "upstream");
    private static final List<String> STEADY_KEYS = List.of("before", "after", "baseline", "probes");
    private static final List<String> PROBE_KEYS = List.of("name", "type", "interval", "timeout", "check", "tolerance");
    private static final List<String> TOLERANCE_KEYS = List.of("window", "successRatio", "latency", "value");
    private static final List<String> ABORT_KEYS = List.of("name", "probe", "when", "for");
    private static final List<String> ROLLBACK_KEYS = List.of("name", "type", "timeout");
    private static final List<String> PREMORTEM_KEYS =
            List.of("risks", "participants", "runbook", "dashboards", "questions", "checklist");
    private static final List<String> TABLETOP_KEYS = List.of("step", "at", "phase", "prompt");
    private static final List<String> PHASES = List.of("before", "method", "recovery", "after");
    private static final Duration DEFAULT_STEADY = Duration.ofSeconds(10);

    private final Problems problems;
    private final LoadOptions options;

    private ExperimentBinder(LoadOptions options, Problems problems) {
        this.options = options;
        this.problems = problems;
    }

    public static Experiment bind(Node.MapNode root, Map<String, String> vars, LoadOptions options, Problems problems) {
        return new ExperimentBinder(options, problems).experiment(Fields.of(root, "", TOP_KEYS, problems), vars);
    }

    private Experiment experiment(Fields f, Map<String, String> vars) {
        Long version = f.integer("version", 1L);
        if (version != null && version != 1) {
            f.problem("version", "unsupported version " + version + ": this gameday reads version 1");
        }
        String title = f.requiredString("title", "a one-line name for the experiment");
        Names.checkPrintable(f, "title", title);
        String hypothesis = f.requiredString("hypothesis",
                "what you believe will hold, e.g. \"We believe that when X, Y still answers within Z\"");
        ToxiproxyTarget toxiproxy = toxiproxy(f);
        List<ProxySpec> proxies = named(f, "proxies", this::proxy);
        // names in a section that could not be read are unknown: references to them are not checked
        Set<String> proxyNames = f.has("proxies") && !isList(f, "proxies") ? null : names(proxies, ProxySpec::name);

        Fields steady = f.fields("steadyState", STEADY_KEYS);
        SteadyState steadyState = null;
        if (steady == null) {
            f.missing("steadyState", "the probes that define normal, with their tolerances");
        } else {
            List<Probe> probes = named(steady, "probes", this::probe);
            nonEmpty(steady, "probes", "at least one probe");
            String baseline = steady.choice("baseline", List.of(SteadyState.REQUIRED, SteadyState.SKIP),
                    SteadyState.REQUIRED);
            steadyState = new SteadyState(steady.duration("before", DEFAULT_STEADY),
                    steady.duration("after", DEFAULT_STEADY), baseline == null ? SteadyState.REQUIRED : baseline, probes);
            baselineJudgeable(steady, steadyState);
        }
        Set<String> probeNames = steadyState == null || !isList(steady, "probes") ? null
                : names(steadyState.probes(), Probe::name);
        Set<String> measuring = steadyState == null ? Set.of() : names(steadyState.probes().stream()
                .filter(p -> p.target() != null && kindOf(p.target()).measures()).toList(), Probe::name);

        MethodBinder methodBinder = new MethodBinder(proxyNames, toxiproxy == null ? null : toxiproxy.url(), problems);
        List<Step> method = methodBinder.steps(f.list("method"), "method");
        nonEmpty(f, "method", "at least one step (fault, pause or parallel)");
        List<AbortCondition> abort = named(f, "abort", (n, p) -> abort(n, p, probeNames, measuring));
        List<Rollback> rollbacks = named(f, "rollbacks", this::rollback);
        Fields recoveryFields = f.fields("recovery", List.of("within"));
        Recovery recovery = recoveryFields == null ? null
                : new Recovery(recoveryFields.positiveDuration("within", null));
        Slo slo = slo(f.fields("slo", List.of("objective", "window")));
        Fields premortemFields = f.fields("premortem", PREMORTEM_KEYS);
        Premortem premortem = premortemFields == null ? null : premortem(premortemFields);
        Set<String> stepNames = isList(f, "method") ? methodBinder.stepNames.keySet() : null;
        List<TabletopPrompt> tabletop = list(f, "tabletop", (n, p) -> tabletop(n, p, stepNames));

        return new Experiment(version == null ? 1 : version.intValue(), title, f.string("description"),
                f.string("owner"), f.string("team"), f.strings("tags"), hypothesis, vars, toxiproxy, proxies,
                steadyState, method, abort, rollbacks, recovery, slo, premortem, tabletop);
    }

    /**
     * A fault must never go into a system nobody has seen steady: unless {@code baseline: skip}, some
     * probe is checked before, and {@code before} lasts at least one tolerance window of each such probe.
     */
    private static void baselineJudgeable(Fields steady, SteadyState s) {
        if (!s.baselineRequired() || s.probes().isEmpty()) {
            return;
        }
        List<Probe> checkedBefore = s.probes().stream().filter(p -> p.check().contains(CheckPhase.BEFORE)
                || p.check().contains(CheckPhase.CONTINUOUSLY)).toList();
        if (checkedBefore.isEmpty()) {
            steady.problem("probes", "no probe is checked before the faults, so nothing shows the system is steady "
                    + "when they go in: add before (or continuously) to a probe's check, or write baseline: skip to run "
                    + "without a baseline (every output then says so)");
            return;
        }
        // a tolerance or duration that could not be read is already reported: nothing to compare
        Probe longest = checkedBefore.stream().filter(p -> p.tolerance() != null && p.tolerance().window() != null)
                .max(java.util.Comparator.comparing(p -> p.tolerance().window())).orElse(null);
        if (longest != null && s.before() != null && s.before().compareTo(longest.tolerance().window()) < 0) {
            steady.problem("before", "the steady state before lasts " + Durations.format(s.before())
                    + ", less than one " + Durations.format(longest.tolerance().window()) + " tolerance window of probe "
                    + longest.name() + ", so the baseline cannot be judged: write before: "
                    + Durations.format(longest.tolerance().window()) + " or more, or baseline: skip to run without one");
        }
    }

    private static boolean isList(Fields f, String key) {
        return f.node(key) instanceof Node.ListNode;
    }

    /** A required list that must not be empty: missing, or written as an empty list ({@code []}). */
    private static void nonEmpty(Fields f, String key, String what) {
        if (!f.has(key)) {
            f.missing(key, what);
        } else if (f.node(key) instanceof Node.ListNode l && l.items().isEmpty()) {
            f.problem(key, "needs " + what);
        }
    }

    private ToxiproxyTarget toxiproxy(Fields f) {
        String value = f.string("toxiproxy");
        if (value == null || value.strip().equalsIgnoreCase("embedded")) {
            return ToxiproxyTarget.EMBEDDED;
        }
        if (!value.strip().matches("(?i)https?://.*")) {
            f.problem("toxiproxy", "'" + value + "' is neither 'embedded' nor the http:// URL of a Toxiproxy server");
            return null;
        }
        try {
            return new ToxiproxyTarget(HttpUrls.check(value, "Toxiproxy's API has no authentication; write its URL alone"));
        } catch (IllegalArgumentException e) {
            f.problem("toxiproxy", e.getMessage());
            return null;
        }
    }

    private ProxySpec proxy(Node node, String path) {
        Fields f = Fields.of(node, path, PROXY_KEYS, problems);
        String name = f.requiredString("name", "the proxy's name, used by faults");
        Names.checkAddressable(f, "name", name);
        String listen = address(f, "listen", "127.0.0.1:0", true);
        String upstream = address(f, "upstream", null, false);
        return new ProxySpec(name, listen, upstream);
    }

    private static String address(Fields f, String key, String dflt, boolean portZeroAllowed) {
        String value = f.string(key);
        if (value == null) {
            if (dflt == null && !f.has(key)) {
                f.missing(key, "host:port, e.g. 127.0.0.1:8081");
            }
            return dflt;
        }
        try {
            Address.parse(value, portZeroAllowed);
            return value.strip();
        } catch (IllegalArgumentException e) {
            f.problem(key, e.getMessage());
            return null;
        }
    }

    private Probe probe(Node node, String path) {
        List<ProbeKind> kinds = ProbeKinds.all();
        Set<String> keys = new LinkedHashSet<>(PROBE_KEYS);
        keys.addAll(keys(peekType(node, kinds), kinds));
        Fields f = Fields.of(node, path, keys, problems);
        String name = f.requiredString("name", "a unique name for the probe");
        Names.checkAddressable(f, "name", name);
        ProbeTarget target = target(f, kinds, name == null ? path : "probe '" + name + "'");
        Duration interval = f.positiveDuration("interval", Duration.ofSeconds(1));
        Duration timeout = f.positiveDuration("timeout", Duration.ofSeconds(2));
        Set<CheckPhase> check = check(f);
        Fields tolerance = f.fields("tolerance", TOLERANCE_KEYS);
        if (tolerance == null) {
            f.missing("tolerance", "e.g. {window: 10s, successRatio: \">= 99%\"}");
        }
        Tolerance t = tolerance == null ? null : tolerance(tolerance, interval, target == null ? null : kindOf(target));
        return new Probe(name, interval, timeout, check, target, t);
    }

    private static ProbeKind kindOf(ProbeTarget target) {
        return ProbeKinds.named(target.type()).orElseThrow();
    }

    /** The target of a probe or rollback ({@code what}, for messages), of one of {@code kinds}. */
    private ProbeTarget target(Fields f, List<ProbeKind> kinds, String what) {
        List<String> types = kinds.stream().map(ProbeKind::type).toList();
        String type = f.choice("type", types, null);
        if (!f.has("type")) {
            f.missing("type", "one of " + String.join(", ", types));
        }
        ProbeKind kind = type == null ? null : ProbeKinds.named(type).orElseThrow();
        ProbeTarget target = kind == null ? null : kind.bind(new TargetFieldsView(f));
        if (options.refuseCommands() && kind != null && kind.runsPrograms() && target != null) {
            f.problem("type", "this experiment runs programs: " + what + " " + target.summary()
                    + "; refused by --no-commands");
        }
        return target;
    }

    /**
     * The {@code type:} of a raw mapping among {@code kinds}: as written (in any case) or, when it is
     * misspelt, the closest one (the misspelling is reported when the type is read); else null.
     */
    private static String peekType(Node node, List<ProbeKind> kinds) {
        List<String> types = kinds.stream().map(ProbeKind::type).toList();
        if (node instanceof Node.MapNode m && m.entries().get("type") != null
                && m.entries().get("type").value() instanceof Node.Scalar s && s.text() != null) {
            String type = s.text().strip().toLowerCase(Locale.ROOT);
            return types.contains(type) ? type : Suggestions.closest(type, types);
        }
        return null;
    }

    /** The keys a target of {@code type} adds (those of every kind when the type is unknown). */
    private static Set<String> keys(String type, List<ProbeKind> kinds) {
        Set<String> keys = new LinkedHashSet<>();
        kinds.stream().filter(k -> type == null || k.type().equals(type)).forEach(k -> keys.addAll(k.keys()));
        return keys;
    }

    private Set<CheckPhase> check(Fields f) {
        Set<CheckPhase> check = EnumSet.noneOf(CheckPhase.class);
        List<String> allowed = List.of("before", "during", "after", "continuously");
        for (String phase : f.strings("check")) {
            String key = phase.strip().toLowerCase(Locale.ROOT);
            if (allowed.contains(key)) {
                check.add(CheckPhase.valueOf(key.toUpperCase(Locale.ROOT)));
            } else {
                f.problem("check", "'" + phase + "' is not one of " + String.join(", ", allowed)
                        + Suggestions.didYouMean(phase, allowed));
            }
        }
        return check.isEmpty() ? Set.of(CheckPhase.CONTINUOUSLY) : check;
    }

    /** {@code kind} is null when the probe's type could not be read (then a value bound is not checked against it). */
    private Tolerance tolerance(Fields f, Duration interval, ProbeKind kind) {
        Duration window = f.positiveDuration("window", DEFAULT_STEADY);
        if (window != null && interval != null && window.compareTo(interval) < 0) {
            f.problem("window", "the window (" + Durations.format(window) + ") is shorter than the probe's interval ("
                    + Durations.format(interval) + "): it would hold at most one sample");
        }
        RatioBound ratio = null;
        String ratioText = f.string("successRatio");
        if (ratioText != null) {
            try {
                ratio = Expressions.ratioBound(ratioText);
            } catch (IllegalArgumentException e) {
                f.problem("successRatio", e.getMessage());
            }
        }
        List<LatencyBound> latency = new ArrayList<>();
        for (Node.Entry e : f.entries("latency").values()) {
            if (!(e.value() instanceof Node.Scalar s) || s.isNull()) {
                problems.add(e.value(), f.path("latency") + "." + e.key() + ": expected a bound such as \"<= 800ms\"");
                continue;
            }
            try {
                Expressions.percentile(e.key());
            } catch (IllegalArgumentException ex) {
                problems.add(e.line(), e.column(), f.path("latency") + ": " + ex.getMessage());
                continue;
            }
            try {
                latency.add(Expressions.latencyBound(e.key(), s.text()));
            } catch (IllegalArgumentException ex) {
                problems.add(s, f.path("latency") + "." + e.key() + ": " + ex.getMessage());
            }
        }
        ValueBound value = null;
        String valueText = f.string("value");
        if (valueText != null && kind != null && !kind.measures()) {
            f.problem("value", "a probe of type " + kind.type() + " measures no value: a value bound needs a probe type"
                    + " that does (" + String.join(", ", ProbeKinds.all().stream().filter(ProbeKind::measures)
                            .map(ProbeKind::type).toList()) + ")");
        } else if (valueText != null) {
            try {
                value = Expressions.valueBound(valueText);
            } catch (IllegalArgumentException e) {
                f.problem("value", e.getMessage());
            }
        }
        if (!f.has("successRatio") && !f.has("latency") && !f.has("value")) {
            problems.add(f.at(), f.path() + (kind != null && kind.measures() ? ": give successRatio, latency, value or several"
                    : ": give successRatio, latency or both"));
        }
        return new Tolerance(window, ratio, latency, value);
    }

    /** {@code measuring}: the probes whose type measures a value, which a {@code value} condition needs. */
    private AbortCondition abort(Node node, String path, Set<String> probes, Set<String> measuring) {
        Fields f = Fields.of(node, path, ABORT_KEYS, problems);
        String name = f.requiredString("name", "a unique name for the condition");
        Names.checkPrintable(f, "name", name);
        String probe = f.requiredString("probe", "the probe it watches");
        if (probe != null && probes != null && !probes.contains(probe)) {
            f.problem("probe", "no probe named '" + probe + "' under steadyState.probes"
                    + Suggestions.unknownName(probe, probes));
        }
        String when = f.requiredString("when", "e.g. \"successRatio < 50%\" or \"p95 > 2s\"");
        Expressions.Condition condition = null;
        if (when != null) {
            try {
                condition = Expressions.condition(when);
                if (condition.metric().equals("value") && probes != null && probes.contains(probe)
                        && !measuring.contains(probe)) {
                    f.problem("when", "probe '" + probe + "' measures no value: a value condition needs a probe"
                            + " type that does, such as prometheus");
                    condition = null;
                }
            } catch (IllegalArgumentException e) {
                f.problem("when", e.getMessage());
            }
        }
        Duration sustained = f.positiveDuration("for", Duration.ofSeconds(5));
        return condition == null ? new AbortCondition(name, probe, null, null, 0, sustained)
                : new AbortCondition(name, probe, condition.metric(), condition.op(), condition.threshold(), sustained);
    }

    private Rollback rollback(Node node, String path) {
        List<ProbeKind> kinds = ProbeKinds.rollbacks();
        Set<String> keys = new LinkedHashSet<>(ROLLBACK_KEYS);
        // A type no rollback may have still names its keys: only the type is reported.
        keys.addAll(keys(peekType(node, kinds), ProbeKinds.all()));
        Fields f = Fields.of(node, path, keys, problems);
        String name = f.requiredString("name", "a unique name for the action");
        Names.checkPrintable(f, "name", name);
        ProbeTarget action = target(f, kinds, name == null ? path : "rollback '" + name + "'");
        return new Rollback(name, action, f.positiveDuration("timeout", Duration.ofSeconds(10)));
    }

    private Slo slo(Fields f) {
        if (f == null) {
            return null;
        }
        String objective = f.requiredString("objective", "a percentage such as 99.9%");
        Double ratio = null;
        if (objective != null) {
            try {
                ratio = Expressions.percentage(objective);
                if (ratio <= 0 || ratio >= 1) {
                    f.problem("objective", "'" + objective + "' must be above 0% and below 100%");
                }
            } catch (IllegalArgumentException e) {
                f.problem("objective", e.getMessage());
            }
        }
        return new Slo(ratio == null ? 0 : ratio, f.positiveDuration("window", null));
    }

    private Premortem premortem(Fields f) {
        List<Premortem.Risk> risks = list(f, "risks", (n, p) -> {
            Fields r = Fields.of(n, p, List.of("risk", "watch"), problems);
            return new Premortem.Risk(r.requiredString("risk", "what could go wrong"), r.string("watch"));
        });
        List<Premortem.Participant> participants = list(f, "participants", (n, p) -> {
            Fields r = Fields.of(n, p, List.of("name", "role"), problems);
            String name = r.requiredString("name", "who");
            Names.checkPrintable(r, "name", name);
            return new Premortem.Participant(name, r.string("role"));
        });
        return new Premortem(risks, participants, f.string("runbook"), f.strings("dashboards"),
                f.strings("questions"), f.strings("checklist"));
    }

    private TabletopPrompt tabletop(Node node, String path, Set<String> steps) {
        Fields f = Fields.of(node, path, TABLETOP_KEYS, problems);
        String step = f.string("step");
        String phase = f.choice("phase", PHASES, null);
        if (f.has("step") == f.has("phase")) {
            problems.add(f.at(), path + ": a prompt is attached to exactly one of step or phase");
        }
        if (step != null && steps != null && !steps.contains(step)) {
            f.problem("step", "no step named '" + step + "' in method" + Suggestions.unknownName(step, steps));
        }
        String at = null;
        if (f.has("step")) {
            at = f.choice("at", List.of("start", "end"), "start");
        } else {
            f.forbid(List.of("at"), "with phase (at: start|end goes with step)");
        }
        return new TabletopPrompt(step, phase, at, f.requiredString("prompt", "the question to ask"));
    }

    /** The items of the list under {@code key}, each a mapping read by {@code reader}. */
    private <T> List<T> list(Fields f, String key, ItemReader<T> reader) {
        List<T> out = new ArrayList<>();
        List<Node> items = f.list(key);
        for (int i = 0; i < items.size(); i++) {
            String path = f.path(key) + "[" + i + "]";
            if (items.get(i) instanceof Node.MapNode) {
                out.add(reader.read(items.get(i), path));
            } else {
                problems.add(items.get(i), path + ": expected a mapping, found " + items.get(i).kind());
            }
        }
        return out;
    }

    /** Like {@link #list}, and reports a {@code name} used twice in that list. */
    private <T> List<T> named(Fields f, String key, ItemReader<T> reader) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<Node> items = f.list(key);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Node.MapNode m && m.entries().get("name") != null
                    && m.entries().get("name").value() instanceof Node.Scalar name && name.text() != null) {
                Integer first = seen.putIfAbsent(name.text(), i);
                if (first != null) {
                    problems.add(name, f.path(key) + "[" + i + "].name: '" + name.text() + "' is already used by "
                            + f.path(key) + "[" + first + "] (line " + items.get(first).line() + ")");
                }
            }
        }
        return list(f, key, reader);
    }

    private static <T> Set<String> names(List<T> items, Function<T, String> name) {
        Set<String> out = new LinkedHashSet<>();
        items.forEach(i -> {
            if (name.apply(i) != null) {
                out.add(name.apply(i));
            }
        });
        return out;
    }

    @FunctionalInterface
    private interface ItemReader<T> {
        T read(Node node, String path);
    }
}
