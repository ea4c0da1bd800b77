package dev.gameday.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema and the event records are one contract: every {@link JournalEvent} record of this package
 * has its definition (named for its type, with exactly the fields the writer puts on its line), every
 * definition has its record, and an event of each record as {@link Journal} writes it validates. The
 * values come from the schema itself where it constrains them (its {@code enum}, {@code const} and
 * {@code examples}), so this checks shapes and types; real runs (the runner's tests) check values.
 */
class JournalSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LINE_FIELDS = Set.of("type", "t", "seq");
    /** Variants per record, so that each constant of an enum component is written once (Evidence.Status has 4). */
    private static final int VARIANTS = 4;

    @TempDir
    Path tmp;

    @Test
    void everyEventRecordHasADefinitionAndEveryDefinitionARecord() {
        Map<String, Class<?>> records = eventRecords();
        assertThat(records).as("event records found on the classpath").hasSizeGreaterThan(20);
        JsonNode defs = JournalSchema.tree().path("$defs");
        Set<String> defined = new TreeSet<>();
        defs.fieldNames().forEachRemaining(name -> {
            if (defs.get(name).path("$ref").asText().equals("#/$defs/line")) {
                defined.add(name);
            }
        });
        Set<String> dispatched = new TreeSet<>();
        for (JsonNode branch : JournalSchema.tree().path("allOf")) {
            String type = branch.path("if").path("properties").path("type").path("const").asText();
            assertThat(branch.path("then").path("$ref").asText()).as("dispatch of %s", type)
                    .isEqualTo("#/$defs/" + type);
            dispatched.add(type);
        }
        assertThat(defined).as("event definitions (those built on #/$defs/line)").isEqualTo(records.keySet());
        assertThat(JournalSchema.eventTypes()).as("the schema's type enum").isEqualTo(records.keySet());
        assertThat(dispatched).as("the schema's dispatch by type").isEqualTo(records.keySet());
    }

    @Test
    void eachEventAsTheJournalWritesItHasExactlyItsDefinitionsFieldsAndValidates() throws Exception {
        List<String> lines = new ArrayList<>();
        for (Class<?> record : eventRecords().values()) {
            for (int variant = 0; variant < VARIANTS; variant++) {
                // a journal of its own per event: nothing is written after run.ended or run.interrupted
                Path file = tmp.resolve(record.getSimpleName() + "-" + variant + ".jsonl");
                try (Journal journal = Journal.create(file, UnaryOperator.identity(), () -> 1_795_000_000_000L)) {
                    journal.append((JournalEvent) instance(record, definitionOf(record), variant));
                }
                List<String> written = Files.readAllLines(file);
                assertThat(written).as(file.getFileName().toString()).hasSize(1);
                lines.addAll(written);
            }
        }
        for (String text : lines) {
            JsonNode line = JSON.readTree(text);
            String type = line.path("type").asText();
            Set<String> fields = new TreeSet<>();
            line.fieldNames().forEachRemaining(fields::add);
            Set<String> documented = new TreeSet<>(LINE_FIELDS);
            JournalSchema.tree().path("$defs").path(type).path("properties").fieldNames()
                    .forEachRemaining(documented::add);
            assertThat(fields).as("the fields of a %s line", type).isEqualTo(documented);
            assertThat(JournalSchema.problems(line)).as(text).isEmpty();
        }
    }

    @Test
    void aLineOutsideTheContractIsRefused() throws Exception {
        assertThat(JournalSchema.problems(JSON.readTree(
                "{\"type\":\"phase\",\"t\":1,\"seq\":0,\"phase\":\"before\"}"))).isEmpty();
        assertThat(JournalSchema.problems(JSON.readTree(
                "{\"type\":\"phase\",\"t\":1,\"seq\":0,\"phase\":\"lunch\"}"))).isNotEmpty();
        assertThat(JournalSchema.problems(JSON.readTree(
                "{\"type\":\"phase\",\"t\":1,\"seq\":0,\"phase\":\"before\",\"extra\":1}"))).isNotEmpty();
        assertThat(JournalSchema.problems(JSON.readTree(
                "{\"type\":\"run.ended\",\"t\":1,\"seq\":0}"))).isNotEmpty();
        assertThat(JournalSchema.problems(JSON.readTree(
                "{\"type\":\"phase\",\"t\":\"soon\",\"seq\":0,\"phase\":\"before\"}"))).isNotEmpty();
        assertThat(JournalSchema.problems(JSON.readTree(
                "{\"type\":\"lunch\",\"t\":1,\"seq\":0}"))).isNotEmpty();
    }

    /** The records of this package that implement {@link JournalEvent}, by their type, from the class files. */
    static Map<String, Class<?>> eventRecords() {
        Path dir;
        try {
            dir = Path.of(JournalEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve("dev/gameday/journal");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Class<?>> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".class")) {
                    continue;
                }
                Class<?> c = Class.forName("dev.gameday.journal." + name.substring(0, name.length() - 6));
                if (c.isRecord() && JournalEvent.class.isAssignableFrom(c)) {
                    JournalEvent sample = (JournalEvent) instance(c, JSON.createObjectNode(), 0);
                    Class<?> before = out.put(sample.type(), c);
                    assertThat(before).as("two records of type %s", sample.type()).isNull();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static JsonNode definitionOf(Class<?> record) throws ReflectiveOperationException {
        String type = ((JournalEvent) instance(record, JSON.createObjectNode(), 0)).type();
        return JournalSchema.tree().path("$defs").path(type);
    }

    /** A record built from values its schema allows ({@code schema} may be empty: then any values). */
    private static Object instance(Class<?> record, JsonNode schema, int variant) throws ReflectiveOperationException {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        JsonNode items = resolve(schema).path("prefixItems"); // a record written as an array (ProbeHistory.Point)
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            JsonNode property = items.isArray() ? items.path(i) : resolve(schema).path("properties").path(c.getName());
            args[i] = c.getAccessor().isAnnotationPresent(JsonIgnore.class) || c.isAnnotationPresent(JsonIgnore.class)
                    ? 1_795_000_000_000L
                    : value(c.getGenericType(), property, variant);
        }
        Constructor<?> canonical = record.getDeclaredConstructor(types);
        return canonical.newInstance(args);
    }

    private static Object value(Type type, JsonNode schema, int variant) throws ReflectiveOperationException {
        JsonNode s = resolve(schema);
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                return List.of(value(args[0], s.path("items"), variant));
            }
            if (Map.class.isAssignableFrom(raw)) {
                Iterator<String> required = s.path("required").isArray() ? names(s.path("required")) : null;
                Map<String, Object> map = new TreeMap<>();
                JsonNode values = s.path("additionalProperties");
                if (required != null) {
                    required.forEachRemaining(k -> map.put(k, uncheckedValue(args[1], values, variant)));
                } else {
                    map.put("key", value(args[1], values, variant));
                }
                return map;
            }
            throw new IllegalStateException("no value for " + type);
        }
        Class<?> c = (Class<?>) type;
        JsonNode given = given(s);
        if (c.isRecord()) {
            return instance(c, s, variant);
        }
        if (c.isEnum()) {
            Object[] constants = c.getEnumConstants();
            return constants[variant % constants.length];
        }
        if (c == String.class) {
            return given != null ? given.asText() : "text-" + variant;
        }
        if (c == boolean.class || c == Boolean.class) {
            return variant % 2 == 0;
        }
        if (c == int.class || c == Integer.class) {
            return given != null ? given.asInt() : 2 + variant;
        }
        if (c == long.class || c == Long.class) {
            return 1_795_000_000_000L + variant;
        }
        if (c == double.class || c == Double.class) {
            double[] figures = {0.5, Double.NaN, Double.POSITIVE_INFINITY, 12.25};
            // NaN and the infinities only where the schema says a figure may be one
            boolean figure = mentionsFigure(schema);
            return figure ? figures[variant % figures.length] : 0.5;
        }
        if (JsonNode.class.isAssignableFrom(c)) {
            return JsonNodeFactory.instance.objectNode();
        }
        throw new IllegalStateException("no value for " + type);
    }

    private static Object uncheckedValue(Type type, JsonNode schema, int variant) {
        try {
            return value(type, schema, variant);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value the schema gives for a property: its {@code const}, first {@code enum} value or first example. */
    private static JsonNode given(JsonNode s) {
        if (s.has("const")) {
            return s.get("const");
        }
        for (String list : new String[] {"enum", "examples"}) {
            for (JsonNode v : s.path(list)) {
                if (!v.isNull()) {
                    return v;
                }
            }
        }
        for (JsonNode branch : s.path("anyOf")) {
            JsonNode v = given(resolve(branch));
            if (v != null && !v.isNull()) {
                return v.isTextual() && mentionsFigure(branch) ? null : v;
            }
        }
        return null;
    }

    private static boolean mentionsFigure(JsonNode schema) {
        return schema.toString().contains("#/$defs/figure");
    }

    /** Follows local references and takes the first branch of an {@code anyOf} that is not {@code null}. */
    private static JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        while (s.has("$ref") && s.get("$ref").asText().startsWith("#/$defs/")
                && !s.get("$ref").asText().equals("#/$defs/line")) {
            s = JournalSchema.tree().path("$defs").path(s.get("$ref").asText().substring("#/$defs/".length()));
        }
        if (s.has("anyOf") && !s.has("properties")) {
            for (JsonNode branch : s.get("anyOf")) {
                if (!branch.path("type").asText().equals("null")) {
                    JsonNode r = resolve(branch);
                    if (r.has("properties") || r.has("items") || r.has("prefixItems")) {
                        return r;
                    }
                }
            }
        }
        return s;
    }

    private static Iterator<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out.iterator();
    }
}
