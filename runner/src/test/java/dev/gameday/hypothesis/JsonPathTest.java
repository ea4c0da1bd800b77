package dev.gameday.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.hypothesis.internal.JsonPath;
import org.junit.jupiter.api.Test;

class JsonPathTest {
    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void selectsFieldsIndexesAndQuotedNames() throws Exception {
        JsonNode root = json("{\"a\":{\"b c\":[1,{\"d\":\"x\"}]},\"n\":null}");
        assertThat(JsonPath.parse("$.a['b c'][1].d").select(root).asText()).isEqualTo("x");
        assertThat(JsonPath.parse("$[\"a\"][\"b c\"][0]").select(root).asInt()).isEqualTo(1);
        assertThat(JsonPath.parse("$").select(root)).isEqualTo(root);
        assertThat(JsonPath.parse("$.a.zz").select(root).isMissingNode()).isTrue();
        assertThat(JsonPath.parse("$.n").mismatch(root, null)).isNull();
        assertThat(JsonPath.parse("$.a['b c']").mismatch(root, "[1,{\"d\":\"x\"}]")).isNull();
    }

    @Test
    void fullJsonPathDeepScansFiltersAndFunctions() throws Exception {
        JsonNode root = json("{\"items\":[{\"id\":1,\"stock\":0},{\"id\":2,\"stock\":7}],\"meta\":{\"status\":\"up\"}}");
        assertThat(JsonPath.parse("$..status").mismatch(root, "up")).isNull();
        assertThat(JsonPath.parse("$.items[?(@.stock == 0)].id").mismatch(root, "1")).isNull();
        assertThat(JsonPath.parse("$.items[?(@.stock > 100)].id").mismatch(root, null)).isEqualTo("$.items[?(@.stock > 100)].id not found");
        assertThat(JsonPath.parse("$.items.length()").mismatch(root, "2")).isNull();
        assertThat(JsonPath.parse("$.items[*].stock").mismatch(root, "3")).startsWith("$.items[*].stock is [0,7], expected 3");
    }

    @Test
    void saysWhatIsWrongWithAPath() {
        assertThatThrownBy(() -> JsonPath.parse("$..")).hasMessageStartingWith("invalid jsonPath '$..': ");
        assertThatThrownBy(() -> JsonPath.parse("$.a.")).hasMessageStartingWith("invalid jsonPath '$.a.': ");
        assertThatThrownBy(() -> JsonPath.parse("a.b")).hasMessageContaining("must start with '$'");
    }
}
