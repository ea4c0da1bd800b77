package dev.gameday.yaml;

/**
 * What kind of file a YAML document is, for the reader's messages: {@code name} as in "an experiment
 * file", {@code fields} the top-level keys a reader expects, as in "a mapping of experiment fields
 * (title, proxies, ...)".
 */
public record FileKind(String name, String fields) {
    String article() {
        return "aeiou".indexOf(Character.toLowerCase(name.charAt(0))) >= 0 ? "an" : "a";
    }

    String topLevel() {
        return "a mapping of " + name + " fields (" + fields + ")";
    }
}
