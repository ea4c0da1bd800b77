package dev.gameday.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The sample path ({@link SampleParser}) reads every line it takes into the tree path's very tree. */
class SampleParserTest {
    private final SampleParser samples = new SampleParser(LineParser.MAPPER);

    /** Lines the sample path takes. */
    static List<String> taken() {
        return List.of(
            // as the journal writes them
            "{\"type\":\"sample\",\"t\":1700000000000,\"seq\":7,\"probe\":\"checkout\",\"ok\":true,\"ms\":20.125,"
                    + "\"status\":200,\"error\":null}",
            "{\"type\":\"sample\",\"t\":1700000000050,\"seq\":8,\"probe\":\"checkout\",\"ok\":false,\"ms\":1000.0,"
                    + "\"status\":null,\"error\":\"timeout\",\"value\":0.25}",
            // extra fields, missing fields, nulls
            "{\"type\":\"sample\",\"t\":1,\"probe\":\"p\",\"ok\":true,\"ms\":1,\"unknown\":\"x\",\"zz\":false,\"\":0}",
            "{\"type\":\"sample\"}",
            "{\"type\":\"sample\",\"t\":null,\"probe\":null,\"ok\":null,\"ms\":null,\"value\":null}",
            // values of the wrong kind, numbers as strings
            "{\"type\":\"sample\",\"t\":\"1000\",\"probe\":7,\"ok\":\"true\",\"ms\":\"3.5\",\"value\":\"Infinity\"}",
            "{\"type\":\"sample\",\"t\":true,\"probe\":\"\",\"ok\":1,\"ms\":false,\"status\":\"200\"}",
            // every form of number: int, long, beyond long, fractions, exponents, out of a double's range
            "{\"type\":\"sample\",\"a\":0,\"b\":-0,\"c\":2147483647,\"d\":2147483648,\"e\":-2147483649,"
                    + "\"f\":9223372036854775807,\"g\":9223372036854775808,\"h\":-123456789012345678901234567890}",
            "{\"type\":\"sample\",\"a\":-0.0,\"b\":0.1,\"c\":1e3,\"d\":1E-3,\"e\":2.5e+2,\"f\":1e400,\"g\":-1e400,"
                    + "\"h\":4.9e-324,\"i\":1e-400,\"j\":1.7976931348623157e308,\"k\":3.00000000000000000001}",
            // escapes, and text beyond ASCII written as escapes (the line itself is ASCII)
            "{\"type\":\"sample\",\"probe\":\"a\\\"b\\\\c\\/d\\n\\t\\r\\b\\f\\u0041\",\"error\":\"caf\\u00e9 \\u263a \\ud83d\\ude00\"}",
            "{\"type\":\"sample\",\"probe\":\"\\ud800 lone surrogate\",\"error\":\"\\u0000\"}",
            "{\"type\":\"sample\",\"pr\\u006fbe\":\"escaped name\"}",
            // a field given twice (the last value, in the first one's place), the type among them
            "{\"type\":\"sample\",\"ms\":1,\"probe\":\"p\",\"ms\":2}",
            "{\"type\":\"sample\",\"t\":5,\"type\":\"phase\"}",
            "{\"type\":\"sample\",\"probe\":\"p\",\"probe\":null}",
            // white space anywhere between tokens, a carriage return at the end
            "  {  \"type\" : \"sample\" ,\t\"t\" :1 , \"ms\": 2.5 }  \r");
    }

    /** Lines it leaves to the tree path. */
    static List<String> left() {
        return List.of(
            // other events, and samples out of the ordinary
            "{\"type\":\"phase\",\"t\":1,\"seq\":0,\"phase\":\"before\"}",
            "{\"t\":1,\"type\":\"sample\",\"probe\":\"p\"}",
            "{\"type\":1,\"t\":1}",
            "{\"type\":null}",
            "{\"type\":\"Sample\"}",
            "{}",
            "[\"type\",\"sample\"]",
            "\"sample\"",
            "{\"type\":\"sample\",\"extra\":{\"nested\":1}}",
            "{\"type\":\"sample\",\"extra\":[1,2]}",
            // damage and hostile text: the tree path says what is wrong
            "{\"type\":\"sample\",\"t\":1} {\"type\":\"sample\"}",
            "{\"type\":\"sample\",\"t\":1}x",
            "{\"type\":\"sample\",\"t\":1} 1",
            "{\"type\":\"sample\",\"t\":1} -",
            "{\"type\":\"sample\",\"t\":1} t",
            "{\"type\":\"sample\",\"t\":1} \"text",
            "{\"type\":\"sample\",\"t\":1}{",
            "{\"type\":\"sample\",\"t\":1}}",
            "{\"type\":\"sample\",\"t\":",
            "{\"type\":\"sample\",\"t\":1,}",
            "{\"type\":\"sample\",\"ms\":NaN}",
            "{\"type\":\"sample\",\"ms\":01}",
            "{\"type\":\"sample\",\"ms\":.5}",
            "{\"type\":\"sample\",'ms':1}",
            "{\"type\":\"sample\",ms:1}",
            "{\"type\":\"sample\"/* a comment */}",
            "{\"type\":\"sample\",\"error\":\"a\u0001control character\"}",
            "{\"type\":\"sample\",\"error\":\"\\x41\"}",
            "{\"type\":\"sample\",\"t\":1}\u0000",
            // text beyond ASCII in the line's own bytes: decoded (or refused) the tree path's way
            "{\"type\":\"sample\",\"probe\":\"caf\u00e9\"}",
            "\ufeff{\"type\":\"sample\",\"probe\":\"p\"}");
    }

    @ParameterizedTest
    @MethodSource("taken")
    void readsALineItTakesIntoTheTreePathsTree(String line) throws IOException {
        assertTakenAsItsTree(line);
    }

    @ParameterizedTest
    @MethodSource("left")
    void leavesEveryOtherLineToTheTreePath(String line) {
        assertThat(parse(line)).isNull();
    }

    @Test
    void readsLineAfterLineWhateverCameBefore() throws IOException {
        // One parser reads them all: a line it left, damaged or cut short, must not run into the next.
        for (String taken : taken()) {
            assertTakenAsItsTree(taken);
        }
        for (String left : left()) {
            for (String taken : taken()) {
                assertThat(parse(left)).as(left).isNull();
                assertTakenAsItsTree(taken);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"c0 80", "ed a0 80", "f8 88 80 80 80", "ff", "e2 82"})
    void leavesBytesThatAreNotUtf8ToTheTreePath(String hex) {
        byte[] line = join(bytes("{\"type\":\"sample\",\"probe\":\""), hexBytes(hex), bytes("\"}"));
        assertThat(samples.parse(line, 0, line.length)).isNull();
        assertThat(new LineParser().parse(2, line, 0, line.length).unreadable()).isEqualTo("not valid UTF-8 text");
    }

    @Test
    void readsOnlyTheLinesOwnBytesOfTheBuffer() {
        String before = "{\"type\":\"sample\",\"t\":2}\n";
        String line = "{\"type\":\"sample\",\"t\":1}";
        byte[] buffer = bytes(before + line + "\n\u00e9{\"x\":");
        int from = bytes(before).length;

        JsonNode streamed = samples.parse(buffer, from, from + bytes(line).length);

        assertThat(streamed).hasToString(line);
    }

    @Test
    void readsOnWhenANewParserTakesOver() throws IOException {
        List<String> taken = taken();
        long read = 0;
        for (int i = 0; read < 3 * SampleParser.RENEW_AFTER_BYTES; i++) {
            String line = taken.get(i % taken.size());
            assertTakenAsItsTree(line);
            read += bytes(line).length;
        }
    }

    private void assertTakenAsItsTree(String line) throws IOException {
        JsonNode streamed = parse(line);
        JsonNode tree = LineParser.MAPPER.readTree(line);

        assertThat(streamed).as("taken by the sample path: " + line).isNotNull();
        assertThat(streamed).isEqualTo(tree); // numbers compare by node type too: an IntNode is no LongNode
        assertThat(fieldsAndNodeTypes(streamed)).isEqualTo(fieldsAndNodeTypes(tree));
    }

    private JsonNode parse(String line) {
        return samples.parse(bytes(line), 0, bytes(line).length);
    }

    /** Field names in order, each with the class of its node. */
    private static List<String> fieldsAndNodeTypes(JsonNode node) {
        List<String> fields = new ArrayList<>();
        node.fields().forEachRemaining(f -> fields.add(f.getKey() + ": " + f.getValue().getClass().getSimpleName()));
        return fields;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hexBytes(String hex) {
        String[] pairs = hex.split(" ");
        byte[] b = new byte[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            b[i] = (byte) Integer.parseInt(pairs[i], 16);
        }
        return b;
    }

    private static byte[] join(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
