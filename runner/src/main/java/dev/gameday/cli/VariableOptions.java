package dev.gameday.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --var NAME=VALUE}: shared by every command that loads an experiment file. */
final class VariableOptions {
    @Option(names = "--var", paramLabel = "NAME=VALUE",
            description = "Set $${var.NAME}, overriding the file's vars: (repeatable).")
    Map<String, String> values = new LinkedHashMap<>();
}
