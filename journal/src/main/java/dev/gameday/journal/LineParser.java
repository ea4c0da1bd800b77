package dev.gameday.journal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One journal line's bytes to what the reader takes ({@link ParsedLines.Parsed}): decoded on its own
 * (damage stays on its line) and parsed as JSON, a plain sample straight from its bytes
 * ({@link SampleParser}), any other line through a JSON tree. Shared by the whole-file read
 * ({@link ParsedLines}) and the follower of a journal being written ({@link JournalTail}). Not thread-safe.
 */
final class LineParser {
    /** The tree path's mapper; package-private for the test that holds the sample path to it. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final SampleParser samples = new SampleParser(MAPPER);
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    /** A line longer than a journal line can be: damage, never buffered. */
    static ParsedLines.Parsed overlong(long number, int maxLineBytes) {
        return new ParsedLines.Parsed(number, null, "longer than " + (maxLineBytes >> 20) + " MB", false);
    }

    /** Line {@code number}, {@code bytes[from, to)}; null for a blank line (nothing to hand on). */
    ParsedLines.Parsed parse(long number, byte[] bytes, int from, int to) {
        boolean bom = false;
        if (number == 1 && to - from >= 3 && bytes[from] == (byte) 0xEF && bytes[from + 1] == (byte) 0xBB
                && bytes[from + 2] == (byte) 0xBF) {
            from += 3;
            bom = true;
        }
        if (blank(bytes, from, to)) {
            return bom ? new ParsedLines.Parsed(number, null, null, true) : null;
        }
        JsonNode sample = samples.parse(bytes, from, to);
        if (sample != null) {
            return new ParsedLines.Parsed(number, sample, null, bom);
        }
        String text = utf8(bytes, from, to);
        if (text == null) {
            return new ParsedLines.Parsed(number, null, "not valid UTF-8 text", bom);
        }
        JsonNode node;
        try {
            // Parsed as text, not bytes: Jackson's character parser warms up faster, and a CLI run is cold.
            node = MAPPER.readTree(text);
        } catch (IOException e) {
            node = null;
        }
        return new ParsedLines.Parsed(number, node, node == null ? "not JSON" : null, bom);
    }

    /** Stops at the first byte that is not white space: for a line of JSON, its first. */
    static boolean blank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * The line as text; null when it is not UTF-8. The JDK's own decoding is the fast one (ASCII, most
     * journals, is one intrinsic); it replaces damage by U+FFFD, so only a line showing one is decoded
     * again, strictly, to tell damage from a U+FFFD the line really holds.
     */
    private String utf8(byte[] b, int from, int to) {
        String text = new String(b, from, to - from, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        try {
            utf8.reset().decode(ByteBuffer.wrap(b, from, to - from));
            return text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
