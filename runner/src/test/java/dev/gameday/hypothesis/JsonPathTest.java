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
    void saysWhereAPathIsWrong() {
        assertThatThrownBy(() -> JsonPath.parse("$.a[")).hasMessage("invalid jsonPath '$.a[' at character 4: missing ']'");
        assertThatThrownBy(() -> JsonPath.parse("$..a")).hasMessageContaining("at character 2: empty field name");
        assertThatThrownBy(() -> JsonPath.parse("$[-1]")).hasMessageContaining("index >= 0");
        assertThatThrownBy(() -> JsonPath.parse("$a")).hasMessageContaining("expected '.' or '['");
    }
}
