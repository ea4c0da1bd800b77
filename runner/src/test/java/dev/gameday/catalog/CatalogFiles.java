package dev.gameday.catalog;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.experiment.spi.ProbeKind;
import dev.gameday.experiment.spi.ProbeKinds;
import dev.gameday.toxic.Attribute;
import dev.gameday.toxic.FaultKind;
import dev.gameday.toxic.FaultKinds;
import dev.gameday.toxic.Risk;
import dev.gameday.toxic.Unit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The files made from the fault-kind and probe-kind registries: the type lists of the experiment JSON
 * Schema and {@code docs/types.md}. {@code CatalogFilesTest} fails when they are stale; this main
 * rewrites them (from the repository root or any folder under it):
 *
 * <pre>mvn -q -B -pl runner -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.gameday.catalog.CatalogFiles</pre>
 */
public final class CatalogFiles {
    static final String SCHEMA = "experiments/schema/experiment.schema.json";
    static final String TYPES = "docs/types.md";
    static final ObjectMapper JSON = new ObjectMapper();

    private CatalogFiles() {}

    public static void main(String[] args) throws IOException {
        Path root = root();
        ObjectNode schema = (ObjectNode) JSON.readTree(root.resolve(SCHEMA).toFile());
        write(root.resolve(SCHEMA), JSON.writer(printer()).writeValueAsString(schema(schema)) + "\n");
        write(root.resolve(TYPES), types());
        System.out.println("wrote " + root.resolve(SCHEMA) + " and " + root.resolve(TYPES));
    }

    /** The kinds Gameday ships (plug-ins of the test class path left out). */
    static List<FaultKind> faultKinds() {
        return FaultKinds.all().stream().filter(k -> shipped(k.getClass())).toList();
    }

    static List<ProbeKind> probeKinds() {
        return ProbeKinds.all().stream().filter(k -> shipped(k.getClass())).toList();
    }

    private static boolean shipped(Class<?> c) {
        return !c.getProtectionDomain().getCodeSource().getLocation().toString().endsWith("test-classes/");
    }

    /** The schema with its type lists made from the registries; everything else as it was. */
    static ObjectNode schema(ObjectNode schema) {
        ObjectNode copy = schema.deepCopy();
        ObjectNode fault = (ObjectNode) copy.path("definitions").path("fault");
        ObjectNode properties = (ObjectNode) fault.path("properties");
        ArrayNode toxics = ((ObjectNode) properties.path("toxic")).putArray("enum");
        faultKinds().forEach(k -> toxics.add(k.name()));
        ObjectNode attributes = ((ObjectNode) properties.path("attributes")).putObject("properties");
        faultKinds().forEach(k -> k.attributes().forEach(a -> attributes.putObject(a.name())
                .put("$ref", a.unit() == Unit.MILLIS || a.unit() == Unit.MICROS ? "#/definitions/duration"
                        : "#/definitions/count")));
        ArrayNode rules = fault.putArray("allOf");
        for (FaultKind k : faultKinds()) {
            ObjectNode rule = rules.addObject();
            ObjectNode when = rule.putObject("if");
            when.putObject("properties").putObject("toxic").put("const", k.name());
            when.putArray("required").add("toxic");
            ObjectNode then = rule.putObject("then").putObject("properties").putObject("attributes");
            if (k.attributes().isEmpty()) {
                then.put("maxProperties", 0);
            } else {
                ArrayNode names = then.putObject("propertyNames").putArray("enum");
                k.attributes().forEach(a -> names.add(a.name()));
            }
        }
        types((ObjectNode) copy.path("definitions").path("probe"), probeKinds());
        types((ObjectNode) copy.path("definitions").path("rollback"),
                probeKinds().stream().filter(ProbeKind::rollback).toList());
        return copy;
    }

    private static void types(ObjectNode definition, List<ProbeKind> kinds) {
        ArrayNode types = ((ObjectNode) definition.path("properties").path("type")).putArray("enum");
        kinds.forEach(k -> types.add(k.type()));
    }

    /** docs/types.md: every fault kind and probe kind, their attributes and keys, in the registries' words. */
    static String types() {
        StringBuilder md = new StringBuilder();
        md.append("# Fault and probe types\n\n")
                .append("What an experiment may write as a fault's `toxic:` and a probe's `type:`. This page is made from\n")
                .append("the types themselves (`dev.gameday.toxic.FaultKind`, `dev.gameday.experiment.spi.ProbeKind`) by\n")
                .append("`dev.gameday.catalog.CatalogFiles`; a test fails when it is stale. Do not edit it: change the type\n")
                .append("and run the command in docs/architecture.md (\"Add a fault type\").\n\n")
                .append("## Faults (`toxic:`)\n\n")
                .append("Attributes are written in human units and sent to Toxiproxy in its own: durations become\n")
                .append("milliseconds (µs for the slicer's `delay`), counts stay whole numbers.\n\n")
                .append("| toxic | attributes | what it does | on a real Toxiproxy |\n|---|---|---|---|\n");
        for (FaultKind k : faultKinds()) {
            String attributes = k.attributes().isEmpty() ? "none"
                    : k.attributes().stream().map(CatalogFiles::attribute).collect(Collectors.joining("; "));
            md.append("| `").append(k.name()).append("` | ").append(attributes).append(" | ").append(k.description())
                    .append(" | ").append(k.onToxiproxy() ? "yes" : "no: embedded proxy only").append(" |\n");
        }
        md.append("\n### What tends to go wrong\n\n")
                .append("The pre-mortem lists these under \"Derived from … faults\" for each kind an experiment uses.\n\n");
        for (FaultKind k : faultKinds()) {
            md.append("- `").append(k.name()).append("`:\n");
            for (Risk r : k.risks()) {
                md.append("  - ").append(r.risk()).append(" (watch: ").append(r.watch()).append(")\n");
            }
        }
        md.append("\n## Probes (`type:`)\n\n")
                .append("| type | its keys | what a sample does | runs programs | as a rollback |\n|---|---|---|---|---|\n");
        for (ProbeKind k : probeKinds()) {
            md.append("| `").append(k.type()).append("` | ")
                    .append(k.keys().stream().map(key -> "`" + key + "`").collect(Collectors.joining(", ")))
                    .append(" | ").append(k.description()).append(" | ").append(k.runsPrograms() ? "yes" : "no")
                    .append(" | ").append(k.rollback() ? "yes" : "no").append(" |\n");
        }
        return md.toString();
    }

    private static String attribute(Attribute a) {
        List<String> notes = new ArrayList<>();
        notes.add(a.unit().written());
        if (a.required()) {
            notes.add("required");
        }
        notes.add(a.maximum() == Long.MAX_VALUE ? "no maximum" : "at most " + a.unit().format(a.maximum()));
        if (!a.rampable()) {
            notes.add("cannot ramp");
        }
        return "`" + a.name() + "` (" + String.join(", ", notes) + "): " + a.meaning();
    }

    /** Two-space indents, one array item per line, {@code "key": value}: as the schema is written. */
    private static DefaultPrettyPrinter printer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter)
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** The repository root: the folder above this one that holds the experiments' schema. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(SCHEMA))) {
                return p;
            }
        }
        throw new IllegalStateException("no " + SCHEMA + " above " + dir);
    }
}
