package dev.gameday.experiment.load.internal;

import dev.gameday.yaml.Suggestions;
import dev.gameday.yaml.Fields;
import dev.gameday.yaml.Problems;
import dev.gameday.yaml.Node;
import dev.gameday.toxic.Attribute;
import dev.gameday.toxic.FaultKinds;
import dev.gameday.toxic.Unit;
import dev.gameday.experiment.Durations;
import dev.gameday.experiment.Fault;
import dev.gameday.experiment.Ramp;
import dev.gameday.experiment.Step;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the {@code method}: steps (fault, pause or parallel), faults with Toxiproxy attributes, ramps. */
final class MethodBinder {
    private static final List<String> STEP_KEYS = List.of("name", "fault", "pause", "parallel");
    private static final List<String> FAULT_KEYS =
            List.of("proxy", "toxic", "stream", "toxicity", "attributes", "duration", "ramp");
    private static final List<String> RAMP_KEYS = List.of("attribute", "from", "to", "over", "every");
    private static final List<String> STREAMS = List.of("upstream", "downstream");
    private static final List<String> KINDS = List.of("fault", "pause", "parallel");

    private final Problems problems;
    /** The proxies faults may name; null when they are unknown (not checked). */
    private final Set<String> proxies;
    /** The Toxiproxy server the experiment names, or null for the embedded proxy. */
    private final URI remote;
    /** Every step name in the method (parallel children included) and where it was first written. */
    final Map<String, Node> stepNames = new LinkedHashMap<>();

    MethodBinder(Set<String> proxies, URI remote, Problems problems) {
        this.proxies = proxies;
        this.remote = remote;
        this.problems = problems;
    }

    List<Step> steps(List<Node> items, String path) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Node.MapNode) {
                steps.add(step(items.get(i), path + "[" + i + "]"));
            } else {
                problems.add(items.get(i), path + "[" + i + "]: expected a step (a mapping), found " + items.get(i).kind());
            }
        }
        return steps;
    }

    private Step step(Node node, String path) {
        Fields f = Fields.of(node, path, STEP_KEYS, problems);
        String name = f.requiredString("name", "a unique name for the step");
        Names.checkAddressable(f, "name", name);
        if (name != null) {
            Node first = stepNames.putIfAbsent(name, f.node("name"));
            if (first != null) {
                f.problem("name", "another step is already named '" + name + "' (line " + first.line() + ")");
            }
        }
        List<String> kinds = KINDS.stream().filter(f::has).toList();
        if (kinds.isEmpty()) {
            problems.add(f.at(), path + ": a step needs one of fault, pause or parallel");
        } else if (kinds.size() > 1) {
            problems.add(f.at(), path + ": a step has exactly one of fault, pause or parallel, this one has "
                    + String.join(" and ", kinds));
        }
        Fields fault = f.fields("fault", FAULT_KEYS);
        Duration pause = f.has("pause") ? f.positiveDuration("pause", null) : null;
        List<Step> parallel = null;
        if (f.has("parallel")) {
            parallel = steps(f.list("parallel"), f.path("parallel"));
            if (parallel.isEmpty() && f.node("parallel") instanceof Node.ListNode) {
                f.problem("parallel", "needs at least one step");
            }
        }
        return new Step(name, fault == null ? null : fault(fault), pause, parallel);
    }

    private Fault fault(Fields f) {
        String proxy = f.requiredString("proxy", "the name of a proxy defined under proxies");
        if (proxy != null && proxies != null && !proxies.contains(proxy)) {
            f.problem("proxy", "no proxy named '" + proxy + "' under proxies" + Suggestions.unknownName(proxy, proxies));
        }
        String toxic = f.choice("toxic", Toxics.names(), null);
        if (!f.has("toxic")) {
            f.missing("toxic", "one of " + String.join(", ", Toxics.names()));
        } else if (toxic != null && remote != null && !FaultKinds.require(toxic).onToxiproxy()) {
            f.problem("toxic", "'" + toxic + "' is a toxic only Gameday's embedded proxy has, and this experiment "
                    + "injects through the Toxiproxy server at " + remote + ": use toxiproxy: embedded, or another toxic");
        }
        String stream = f.choice("stream", STREAMS, "downstream");
        Double toxicity = f.number("toxicity", 1.0);
        if (toxicity != null && (toxicity < 0 || toxicity > 1)) {
            f.problem("toxicity", toxicity + " is outside 0..1 (the fraction of connections affected)");
        }
        Duration duration = f.positiveDuration("duration", null);
        Map<String, Long> attributes = new LinkedHashMap<>();
        Ramp ramp = null;
        if (Fault.DOWN.equals(toxic)) {
            f.forbid(List.of("attributes", "ramp", "toxicity"), "for toxic down: the proxy is simply disabled");
        } else if (toxic != null) {
            Set<String> named = attributes(f, toxic, attributes);
            Fields r = f.fields("ramp", RAMP_KEYS);
            ramp = r == null ? null : ramp(r, toxic, duration, attributes);
            checkRequired(f, toxic, attributes, named);
        }
        return new Fault(proxy, toxic, stream == null ? null : Fault.Stream.valueOf(stream.toUpperCase(Locale.ROOT)),
                toxicity == null ? 1.0 : toxicity, attributes, duration, ramp);
    }

    /**
     * Reads the attributes into {@code out}; a misspelt one is read as the attribute it was taken for.
     * Returns the attributes given (by their right names), valid or not.
     */
    private Set<String> attributes(Fields f, String toxic, Map<String, Long> out) {
        Map<String, Unit> allowed = Toxics.attributes(toxic);
        Map<String, Node.Entry> given = f.entries("attributes");
        Set<String> named = new HashSet<>();
        for (Node.Entry e : given.values()) {
            String key = e.key();
            if (!allowed.containsKey(key)) {
                String guess = Suggestions.closest(key, allowed.keySet());
                problems.add(e.line(), e.column(), f.path("attributes") + ": toxic " + toxic + " has no attribute '"
                        + key + "'" + Suggestions.hint(key, allowed.keySet(), "it has"));
                if (guess == null || given.containsKey(guess)) {
                    continue;
                }
                key = guess;
            }
            named.add(key);
            String where = f.path("attributes") + "." + key;
            Attribute attribute = Toxics.attribute(toxic, key);
            if (e.value() instanceof Node.Scalar s && !s.isNull()) {
                try {
                    out.put(key, Toxics.toToxiproxy(attribute, s.text()));
                } catch (IllegalArgumentException ex) {
                    problems.add(s, where + ": " + ex.getMessage());
                }
            } else {
                problems.add(e.value(), where + ": expected " + attribute.unit().written() + ", found "
                        + e.value().kind());
            }
        }
        return named;
    }

    private Ramp ramp(Fields r, String toxic, Duration duration, Map<String, Long> attributes) {
        Map<String, Unit> allowed = Toxics.attributes(toxic);
        String attribute = r.requiredString("attribute", "the attribute to move, e.g. latency");
        Attribute moved = attribute == null || !allowed.containsKey(attribute) ? null : Toxics.attribute(toxic, attribute);
        if (attribute != null && moved == null) {
            r.problem("attribute", "toxic " + toxic + " has no attribute '" + attribute + "'"
                    + Suggestions.hint(attribute, allowed.keySet(), "it has"));
        } else if (moved != null && !moved.rampable()) {
            r.problem("attribute", "attribute " + attribute + " of toxic " + toxic + " cannot ramp");
            moved = null;
        }
        Long from = moved == null ? null : rampValue(r, "from", moved);
        Long to = moved == null ? null : rampValue(r, "to", moved);
        Duration over = r.positiveDuration("over", duration == null ? Duration.ofSeconds(1) : duration);
        if (over != null && duration != null && over.compareTo(duration) > 0) {
            r.problem("over", "the ramp (" + Durations.format(over)
                    + ") is longer than the fault's duration (" + Durations.format(duration) + ")");
        }
        Duration every = r.positiveDuration("every", Duration.ofSeconds(1));
        if (every != null && over != null && every.compareTo(over) > 0) {
            r.problem("every", "updates every " + Durations.format(every)
                    + " but the ramp lasts only " + Durations.format(over));
        }
        if (attribute == null || from == null || to == null || over == null || every == null) {
            return null;
        }
        attributes.putIfAbsent(attribute, from);
        return new Ramp(attribute, from, to, over, every);
    }

    private static Long rampValue(Fields r, String key, Attribute attribute) {
        String text = r.requiredString(key, attribute.unit().written());
        if (text == null) {
            return null;
        }
        try {
            return Toxics.toToxiproxy(attribute, text);
        } catch (IllegalArgumentException e) {
            r.problem(key, e.getMessage());
            return null;
        }
    }

    private void checkRequired(Fields f, String toxic, Map<String, Long> attributes, Set<String> named) {
        for (String required : Toxics.required(toxic)) {
            if (!attributes.containsKey(required) && !named.contains(required)) {
                problems.add(f.has("attributes") ? f.node("attributes") : f.at(), f.path("attributes") + "."
                        + required + " is required for toxic " + toxic + " ("
                        + Toxics.attribute(toxic, required).unit().written() + ")");
            }
        }
        Long average = attributes.get("average_size");
        Long variation = attributes.get("size_variation");
        if (average != null && variation != null && variation > average) {
            problems.add(f.node("attributes"), f.path("attributes") + ": size_variation (" + variation
                    + ") must not exceed average_size (" + average + ")");
        }
    }
}
