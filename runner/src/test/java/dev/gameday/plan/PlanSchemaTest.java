package dev.gameday.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.gameday.experiment.load.TestFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plan schema editors use accepts the example plan and rejects what the loader rejects. */
class PlanSchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static JsonSchema schema;

    @BeforeAll
    static void readSchema() throws IOException {
        try (InputStream in = Files.newInputStream(TestFiles.examplesDir().resolve("schema/plan.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    @Test
    void theExamplePlanMatches() throws IOException {
        assertThat(schema.validate(YAML.readTree(PlanLoaderTest.examplePlan().toFile()))).isEmpty();
    }

    @Test
    void rejectsWhatTheLoaderRejects() throws IOException {
        for (String bad : new String[] {
            "title: x\n", // no experiments
            "title: x\nexperiments: [{experiment: a.yaml, bogus: 1}]\n",
            "title: x\nexperiments: [{experiment: a.yaml}]\nstop: sometimes\n",
            "title: x\nexperiments: [{experiment: a.yaml}]\nwhen: {at: 2026-03-29T02:30, cron: '* * * * *', zone: UTC, window: 1h}\n",
            "title: x\nexperiments: [{experiment: a.yaml}]\nnotifications: [{url: 'https://hooks.example.com/x'}]\n",
            "title: x\nexperiments: [{parallel: [{experiment: a.yaml}]}]\n",
            "title: x\nexperiments: [{experiment: a.yaml}]\nblackouts: [{reason: r, days: [saturdy]}]\n",
            "title: x\nexperiments: [{experiment: a.yaml}]\nparticipants: [{name: A, role: boss}]\n",
        }) {
            assertThat(schema.validate(YAML.readTree(bad))).as(bad).isNotEmpty();
        }
    }
}
