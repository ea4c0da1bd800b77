package dev.gameday.experiment.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file directly in experiments/ is valid, for the loader and for the JSON Schema editors use. */
class ExamplesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static JsonSchema schema;

    @BeforeAll
    static void readSchema() throws IOException {
        try (InputStream in = Files.newInputStream(TestFiles.examplesDir().resolve("schema/experiment.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    static Stream<Path> examples() {
        return TestFiles.examples().stream();
    }

    @Test
    void thereAreExamples() {
        assertThat(TestFiles.examples()).isNotEmpty();
        assertThat(TestFiles.examplesDir().resolve("invalid")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void loadsWithoutProblems(Path file) {
        LoadedExperiment loaded = ExperimentLoader.load(file, Map.of(), TestFiles.envFor(file));
        assertThat(loaded.experiment().title()).isNotBlank();
        assertThat(loaded.sha256()).hasSize(64);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void matchesTheSchema(Path file) throws IOException {
        Set<ValidationMessage> errors = schema.validate(YAML.readTree(file.toFile()));
        assertThat(errors).as(file.toString()).isEmpty();
    }

    @Test
    void schemaRejectsWhatTheLoaderRejects() throws IOException {
        for (String name : List.of("five-mistakes.yaml", "many-mistakes.yaml", "hostile/proxy-named-dotdot.yaml",
                "hostile/port-out-of-range.yaml", "hostile/url-with-credentials.yaml",
                "hostile/address-with-credentials.yaml", "hostile/escape-sequences-in-title.yaml",
                "hostile/escape-sequences-in-names.yaml")) {
            JsonNode tree = YAML.readTree(TestFiles.fixture(name).toFile());
            assertThat(schema.validate(tree)).as(name).isNotEmpty();
        }
    }

    @Test
    void theDocumentedExampleIsValid(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        LoadedExperiment loaded = loadFirstYamlBlock("docs/experiment-format.md", dir);
        assertThat(loaded.experiment().method()).hasSize(3);
    }

    @Test
    void theReadmeExampleIsValid(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        LoadedExperiment loaded = loadFirstYamlBlock("README.md", dir);
        assertThat(loaded.experiment().steadyState().probes()).hasSize(1);
    }

    /** Loads the first YAML block of a page of the repository and checks it against the schema too. */
    private LoadedExperiment loadFirstYamlBlock(String page, Path dir) throws IOException {
        String doc = Files.readString(TestFiles.examplesDir().resolveSibling(page));
        int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
        Path file = Files.writeString(dir.resolve("documented.yaml"), doc.substring(start, doc.indexOf("```", start)));
        LoadedExperiment loaded = ExperimentLoader.load(file, Map.of(), TestFiles.envFor(file));
        assertThat(schema.validate(YAML.readTree(file.toFile()))).isEmpty();
        return loaded;
    }
}
