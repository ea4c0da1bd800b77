package dev.gameday.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema's type lists and docs/types.md say what the fault and probe registries say. When
 * this fails, a type was added or changed: run {@link CatalogFiles} (its Javadoc has the command).
 */
class CatalogFilesTest {
    private static final String FIX = " — regenerate with: mvn -q -B -pl runner -am test-compile exec:java "
            + "-Dexec.classpathScope=test -Dexec.mainClass=dev.gameday.catalog.CatalogFiles";

    @Test
    void theSchemaListsEveryTypeWithItsAttributes() throws Exception {
        Path file = CatalogFiles.root().resolve(CatalogFiles.SCHEMA);
        ObjectNode schema = (ObjectNode) CatalogFiles.JSON.readTree(file.toFile());
        JsonNode expected = CatalogFiles.schema(schema);
        assertThat(schema.path("definitions").path("fault")).as("the fault definition" + FIX)
                .isEqualTo(expected.path("definitions").path("fault"));
        assertThat(schema.path("definitions").path("probe").path("properties").path("type"))
                .as("the probe types" + FIX).isEqualTo(expected.path("definitions").path("probe").path("properties").path("type"));
        assertThat(schema.path("definitions").path("rollback").path("properties").path("type"))
                .as("the rollback types" + FIX)
                .isEqualTo(expected.path("definitions").path("rollback").path("properties").path("type"));
    }

    /** Every key a probe type adds is a property of probes (and of rollbacks, for the kinds a rollback may be). */
    @Test
    void theSchemaKnowsEveryProbeKey() throws Exception {
        JsonNode schema = CatalogFiles.JSON.readTree(CatalogFiles.root().resolve(CatalogFiles.SCHEMA).toFile());
        CatalogFiles.probeKinds().forEach(k -> k.keys().forEach(key -> {
            assertThat(schema.path("definitions").path("probe").path("properties").has(key))
                    .as("probe property %s of type %s", key, k.type()).isTrue();
            if (k.rollback()) {
                assertThat(schema.path("definitions").path("rollback").path("properties").has(key))
                        .as("rollback property %s of type %s", key, k.type()).isTrue();
            }
        }));
    }

    @Test
    void theTypesPageIsCurrent() throws Exception {
        Path file = CatalogFiles.root().resolve(CatalogFiles.TYPES);
        assertThat(Files.exists(file)).as(CatalogFiles.TYPES + " exists" + FIX).isTrue();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(CatalogFiles.TYPES + FIX)
                .isEqualTo(CatalogFiles.types());
    }
}
