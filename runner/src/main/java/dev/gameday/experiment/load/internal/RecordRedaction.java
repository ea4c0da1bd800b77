package dev.gameday.experiment.load.internal;

import dev.gameday.experiment.Redactor;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A copy of a model record with every text passed through a {@link Redactor}. It walks any record
 * generically, so a field added to the model later is redacted without anyone remembering to.
 */
public final class RecordRedaction {
    private RecordRedaction() {}

    @SuppressWarnings("unchecked")
    public static <T> T redact(T value, Redactor redactor) {
        return redactor.isEmpty() ? value : (T) copy(value, redactor);
    }

    private static Object copy(Object value, Redactor redactor) {
        if (value instanceof String s) {
            return redactor.redact(s);
        }
        if (value instanceof URI uri) {
            return URI.create(redactor.redact(uri.toString()));
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(copy(item, redactor)));
            return out;
        }
        if (value instanceof Set<?> set) {
            Set<Object> out = new LinkedHashSet<>();
            set.forEach(item -> out.add(copy(item, redactor)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(copy(k, redactor), copy(v, redactor)));
            return out;
        }
        if (value instanceof Record record) {
            return copyRecord(record, redactor);
        }
        return value; // numbers, durations, enums: nothing secret
    }

    private static Object copyRecord(Record record, Redactor redactor) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = copy(components[i].getAccessor().invoke(record), redactor);
            }
            Constructor<?> constructor = record.getClass().getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getName(), e);
        }
    }
}
