package dev.gameday.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.StdConverter;
import dev.gameday.judge.Comparison;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The normalised JSON form of an {@link Experiment} ({@code docs/journal.md}, "The experiment copy"):
 * field names as in the YAML format, durations in integer milliseconds, percentages as fractions,
 * enums in lower case, comparisons as symbols, and each probe's target under {@code target} with its
 * {@code type}.
 */
public final class ExperimentJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(module())
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS); // the model's maps are unordered

    private ExperimentJson() {}

    /**
     * A mapper that writes the model records in the normalised form, map entries sorted by key (the
     * model's maps have no order) so the output is stable; share it, do not reconfigure it.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode toTree(Experiment e) {
        return MAPPER.valueToTree(e);
    }

    private static SimpleModule module() {
        SimpleModule m = new SimpleModule("gameday-experiment");
        m.addSerializer(Duration.class, serializer((d, g) -> g.writeNumber(d.toMillis())));
        m.addSerializer(CheckPhase.class, serializer((c, g) -> g.writeString(c.key())));
        m.addSerializer(Fault.Stream.class, serializer((s, g) -> g.writeString(s.key())));
        m.addSerializer(Comparison.class, serializer((c, g) -> g.writeString(c.symbol())));
        m.setMixInAnnotation(ProbeTarget.class, WithType.class);
        m.setMixInAnnotation(Probe.class, ProbeMixIn.class);
        m.setMixInAnnotation(Step.class, StepMixIn.class);
        m.setMixInAnnotation(Fault.class, FaultMixIn.class);
        return m;
    }

    private interface Writer<T> {
        void write(T value, JsonGenerator g) throws IOException;
    }

    private static <T> JsonSerializer<T> serializer(Writer<T> writer) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator g, SerializerProvider p) throws IOException {
                writer.write(value, g);
            }
        };
    }

    /** Adds {@code type} to every probe target and to the probe itself. */
    @JsonPropertyOrder({"name", "type"})
    private interface WithType {
        @JsonProperty("type")
        String type();
    }

    private abstract static class ProbeMixIn implements WithType {
        @JsonSerialize(converter = InOrder.class)
        abstract Set<CheckPhase> check();
    }

    /** The fault's words and risks ride along in the copy, for reports that know no fault kinds. */
    private abstract static class FaultMixIn {
        @JsonProperty("words")
        abstract String words();

        @JsonProperty("risks")
        abstract List<dev.gameday.toxic.Risk> risks();
    }

    private abstract static class StepMixIn {
        @JsonSerialize(converter = EmptyToNull.class)
        abstract List<Step> parallel();
    }

    /** Check phases in their declared order, so the JSON is stable. */
    private static final class InOrder extends StdConverter<Set<CheckPhase>, List<CheckPhase>> {
        @Override
        public List<CheckPhase> convert(Set<CheckPhase> value) {
            return value.stream().sorted().toList();
        }
    }

    /** Only a parallel step has {@code parallel}; the others write null, as the journal documents. */
    private static final class EmptyToNull extends StdConverter<List<Step>, List<Step>> {
        @Override
        public List<Step> convert(List<Step> value) {
            return value.isEmpty() ? null : value;
        }
    }
}
