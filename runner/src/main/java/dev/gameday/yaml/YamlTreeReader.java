package dev.gameday.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.gameday.yaml.Node.Scalar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads the bytes of a YAML file (an experiment, a plan) into a located {@link Node} tree from Jackson's YAML token
 * stream. Everything hostile is refused early with one located problem: binary or non-UTF-8 content,
 * nesting deeper than {@link #MAX_DEPTH}, alias bombs (more than
 * {@link #MAX_ALIASES} aliases or a document expanding to more than {@link #MAX_NODES} nodes), several
 * documents. Duplicate keys are reported and parsing goes on.
 */
public final class YamlTreeReader {
    /** The largest file the loader reads (it checks before reading). */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    public static final int MAX_DEPTH = 64;
    public static final int MAX_ALIASES = 100;
    public static final int MAX_NODES = 100_000;

    private static final YAMLFactory FACTORY = factory();

    private final Problems problems;
    private final FileKind kind;
    private final Map<String, Built> anchors = new HashMap<>();
    private YAMLParser parser;
    private int aliases;

    private YamlTreeReader(Problems problems, FileKind kind) {
        this.problems = problems;
        this.kind = kind;
    }

    /** The top-level mapping, or null when the file cannot be read as one (the problem is recorded). */
    public static Node.MapNode read(byte[] bytes, Problems problems, FileKind kind) {
        return new YamlTreeReader(problems, kind).readTop(bytes);
    }

    /** The file's bytes, refusing anything over {@link #MAX_BYTES} before reading it; null when unreadable. */
    public static byte[] readBytes(Path file, Problems problems, FileKind kind) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                problems.add(1, 1, "file is too large (over " + MAX_BYTES / (1024 * 1024) + " MiB): "
                        + kind.article() + " " + kind.name() + " file is a few kilobytes of YAML");
                return null;
            }
            return bytes;
        } catch (NoSuchFileException e) {
            problems.add(1, 1, "no such file");
        } catch (IOException e) {
            problems.add(1, 1, "cannot read the file: " + (Files.isDirectory(file) ? "it is a directory" : e.getMessage()));
        }
        return null;
    }

    private Node.MapNode readTop(byte[] bytes) {
        String text = decode(bytes);
        if (text == null) {
            return null;
        }
        try (YAMLParser p = (YAMLParser) FACTORY.createParser(text)) {
            parser = p;
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.add(1, 1, "the file is empty: expected " + kind.topLevel());
                return null;
            }
            Node root = node(first, 1).node();
            JsonToken extra = p.nextToken();
            if (extra != null) {
                fail("the file holds more than one YAML document; " + kind.article() + " " + kind.name()
                        + " file holds exactly one");
            }
            if (root instanceof Node.MapNode map) {
                return map;
            }
            problems.add(root, "expected " + kind.topLevel() + " at the top level, found " + root.kind()
                    + (root instanceof Scalar ? "; is this a YAML " + kind.name() + " file?" : ""));
            return null;
        } catch (Refused e) {
            problems.add(e.line, e.column, e.getMessage());
        } catch (JsonProcessingException e) {
            // SnakeYAML knows where the problem is; Jackson's location may be where its context started
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
                problems.add(m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1,
                        "not valid YAML: " + yamlMessage(e));
            } else {
                JsonLocation at = e.getLocation();
                problems.add(at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(),
                        "not valid YAML: " + yamlMessage(e));
            }
        } catch (IOException e) {
            problems.add(1, 1, "cannot read the file: " + e.getMessage());
        }
        return null;
    }

    private record Built(Node node, long weight) {}

    private Built node(JsonToken token, int depth) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth > MAX_DEPTH) {
            fail("nesting is deeper than " + MAX_DEPTH + " levels; refusing the file");
        }
        String anchor = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY ? parser.getObjectId() : null;
        Built built = switch (token) {
            case START_OBJECT -> mapping(line, column, depth);
            case START_ARRAY -> list(line, column, depth);
            case VALUE_STRING -> parser.isCurrentAlias() ? alias(line, column) : scalar(line, column, Scalar.Type.STRING);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> scalar(line, column, Scalar.Type.NUMBER);
            case VALUE_TRUE, VALUE_FALSE -> scalar(line, column, Scalar.Type.BOOLEAN);
            case VALUE_NULL -> scalar(line, column, Scalar.Type.NULL);
            case VALUE_EMBEDDED_OBJECT -> throw new Refused(line, column, "binary values (!!binary) are not supported: write text");
            default -> throw new Refused(line, column, "unexpected YAML token " + token);
        };
        if (anchor != null) {
            anchors.put(anchor, built);
        }
        return built;
    }

    private Built scalar(int line, int column, Scalar.Type type) throws IOException {
        String text = type == Scalar.Type.NULL ? null : parser.getText();
        return new Built(new Scalar(line, column, text, type), 1);
    }

    private Built alias(int line, int column) throws IOException {
        String name = parser.getText();
        if (++aliases > MAX_ALIASES) {
            throw new Refused(line, column, "more than " + MAX_ALIASES + " aliases; refusing a possible YAML bomb");
        }
        Built target = anchors.get(name);
        if (target == null) {
            throw new Refused(line, column, "alias *" + name + " refers to no anchored mapping or list "
                    + "(anchors on single values are not supported)");
        }
        return target;
    }

    private Built mapping(int line, int column, int depth) throws IOException {
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        long weight = 1;
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            JsonLocation keyAt = parser.currentTokenLocation();
            String key = parser.currentName() == null ? "~" : parser.currentName();
            Built value = node(parser.nextToken(), depth + 1);
            weight = addWeight(weight, value);
            Node.Entry previous = entries.get(key);
            if ("<<".equals(key)) {
                problems.add(keyAt.getLineNr(), keyAt.getColumnNr(),
                        "merge keys (<<) are not supported: alias the whole mapping instead, or repeat the keys");
            } else if (previous != null) {
                problems.add(keyAt.getLineNr(), keyAt.getColumnNr(),
                        "duplicate key '" + key + "' (first written at line " + previous.line() + ")");
            } else {
                entries.put(key, new Node.Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value.node()));
            }
        }
        return new Built(new Node.MapNode(line, column, entries), weight);
    }

    private Built list(int line, int column, int depth) throws IOException {
        List<Node> items = new ArrayList<>();
        long weight = 1;
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            Built item = node(t, depth + 1);
            weight = addWeight(weight, item);
            items.add(item.node());
        }
        return new Built(new Node.ListNode(line, column, items), weight);
    }

    private long addWeight(long weight, Built child) {
        long total = weight + child.weight();
        if (total > MAX_NODES) {
            fail("the document expands to more than " + MAX_NODES + " values through aliases; refusing a possible YAML bomb");
        }
        return total;
    }

    private void fail(String message) {
        JsonLocation at = parser.currentTokenLocation();
        throw new Refused(at.getLineNr(), at.getColumnNr(), message);
    }

    /** UTF-8 text without BOM, or null when the bytes are binary or not UTF-8 (the problem is recorded). */
    private String decode(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                addAtOffset(bytes, i, "binary file (NUL byte): " + kind.article() + " " + kind.name() + " file is UTF-8 YAML text");
                return null;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            addAtOffset(bytes, in.position(), "not UTF-8 text (invalid byte 0x"
                    + String.format("%02x", bytes[in.position()] & 0xff) + "): " + kind.article() + " " + kind.name()
                    + " file is UTF-8 YAML text");
            return null;
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private void addAtOffset(byte[] bytes, int offset, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        problems.add(line, offset - lineStart + 1, message);
    }

    private static String yamlMessage(JsonProcessingException e) {
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblem() != null) {
            String context = m.getContext() == null || m.getContextMark() == null ? ""
                    : " (" + m.getContext() + " started at line " + (m.getContextMark().getLine() + 1) + ")";
            return m.getProblem() + context;
        }
        if (e instanceof com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException m
                && m.getProblem() != null) {
            return m.getProblem();
        }
        String message = e.getOriginalMessage();
        return message != null && message.startsWith("Expected a field name")
                ? "a key must be a single value, not a list or a mapping"
                : message;
    }

    private static YAMLFactory factory() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES);
        options.setNestingDepthLimit(MAX_DEPTH + 1);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowDuplicateKeys(true); // reported, with both lines, by this reader
        return YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH + 1)
                        .maxStringLength(MAX_BYTES)
                        .maxNumberLength(100)
                        .build())
                .build();
    }

    /** A refusal that ends reading: the rest of the file is not worth (or safe) looking at. */
    private static final class Refused extends RuntimeException {
        final int line;
        final int column;

        Refused(int line, int column, String message) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }
    }
}
