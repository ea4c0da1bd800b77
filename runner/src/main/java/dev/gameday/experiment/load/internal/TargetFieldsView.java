package dev.gameday.experiment.load.internal;

import dev.gameday.yaml.Fields;
import dev.gameday.yaml.Node;
import dev.gameday.experiment.spi.TargetFields;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The loader's {@link Fields} as a probe kind sees them: located values and located problems. */
final class TargetFieldsView implements TargetFields {
    private final Fields f;

    TargetFieldsView(Fields f) {
        this.f = f;
    }

    @Override
    public String path(String key) {
        return f.path(key);
    }

    @Override
    public boolean has(String key) {
        return f.has(key);
    }

    @Override
    public String string(String key) {
        return f.string(key);
    }

    @Override
    public String requiredString(String key, String what) {
        return f.requiredString(key, what);
    }

    @Override
    public String choice(String key, Collection<String> allowed, String dflt) {
        return f.choice(key, allowed, dflt);
    }

    @Override
    public Long integer(String key, Long dflt) {
        return f.integer(key, dflt);
    }

    @Override
    public boolean isSingleValue(String key) {
        return f.node(key) instanceof Node.Scalar;
    }

    @Override
    public List<String> strings(String key) {
        return f.values(key).stream().map(Node.Scalar::text).toList();
    }

    @Override
    public Map<String, String> values(String key) {
        Map<String, String> values = new LinkedHashMap<>();
        f.entries(key).forEach((name, e) -> {
            if (e.value() instanceof Node.Scalar s && !s.isNull()) {
                values.put(name, s.text());
            } else {
                f.problems().add(e.value(), f.path(key) + "." + name + ": expected a single value, found "
                        + e.value().kind());
            }
        });
        return values;
    }

    @Override
    public TargetFields fields(String key, Collection<String> allowed) {
        Fields nested = f.fields(key, allowed);
        return nested == null ? null : new TargetFieldsView(nested);
    }

    @Override
    public void problem(String key, String message) {
        f.problem(key, message);
    }

    @Override
    public void problem(String key, int index, String message) {
        List<Node.Scalar> items = f.values(key);
        if (index >= 0 && index < items.size()) {
            f.problems().add(items.get(index), f.path(key) + ": " + message);
        } else {
            f.problem(key, message);
        }
    }

    @Override
    public void problemAtName(String key, String name, String message) {
        Node.Entry e = f.entries(key).get(name);
        if (e == null) {
            f.problem(key, message);
        } else {
            f.problems().add(e.line(), e.column(), f.path(key) + ": " + message);
        }
    }

    @Override
    public void problemAtValue(String key, String name, String message) {
        Node.Entry e = f.entries(key).get(name);
        if (e == null) {
            f.problem(key, message);
        } else {
            f.problems().add(e.value(), f.path(key) + "." + name + ": " + message);
        }
    }

    @Override
    public void missing(String key, String what) {
        f.missing(key, what);
    }
}
