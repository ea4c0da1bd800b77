package dev.gameday.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A journal damaged at random: lines dropped, doubled, swapped or cut short, and inside the JSON,
 * fields removed or replaced by a value of another type (null, text, a huge or negative number, an
 * array, an object, a terminal escape), at any depth of the experiment copy and the evidence.
 */
final class Mutation {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<JsonNode> VALUES = values();

    private Mutation() {}

    static String of(List<String> lines, Random random) throws JsonProcessingException {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (random.nextInt(15) == 0) {
                continue;
            }
            JsonNode event = JSON.readTree(line);
            if (random.nextInt(3) == 0) {
                mutate(event, random, 0);
            }
            String text = JSON.writeValueAsString(event);
            out.add(random.nextInt(40) == 0 ? text.substring(0, random.nextInt(text.length())) : text);
            if (random.nextInt(30) == 0) {
                out.add(text);
            }
        }
        if (random.nextInt(5) == 0 && !out.isEmpty()) {
            Collections.swap(out, random.nextInt(out.size()), random.nextInt(out.size()));
        }
        return String.join("\n", out) + "\n";
    }

    private static void mutate(JsonNode node, Random random, int depth) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                int choice = random.nextInt(8);
                if (choice == 0) {
                    object.remove(name);
                } else if (choice == 1) {
                    object.set(name, VALUES.get(random.nextInt(VALUES.size())));
                } else if (depth < 6) {
                    mutate(object.get(name), random, depth + 1);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                int choice = random.nextInt(8);
                if (choice == 0) {
                    array.remove(i);
                } else if (choice == 1) {
                    array.set(i, VALUES.get(random.nextInt(VALUES.size())));
                } else if (depth < 6) {
                    mutate(array.get(i), random, depth + 1);
                }
            }
        }
    }

    private static List<JsonNode> values() {
        try {
            List<JsonNode> values = new ArrayList<>();
            JSON.readTree("[null, \"x\", \"\", -1, 0, 9223372036854775807, 1e300, -0.5, true, [], {}, \"\\u001b[2J\"]")
                    .forEach(values::add);
            return values;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
