package dev.gameday.experiment.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Where the example experiments and test fixtures are, for tests run from the module or the root. */
public final class TestFiles {
    private static final Pattern NEEDED = Pattern.compile("\\$\\{(?:secret|env):([A-Za-z0-9_]+)}");

    private TestFiles() {}

    /** The repository's {@code experiments/} folder. */
    public static Path examplesDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("experiments")) && Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isDirectory(dir.resolve("runner"))) {
                return dir.resolve("experiments");
            }
        }
        throw new IllegalStateException("no experiments/ folder above " + Path.of("").toAbsolutePath());
    }

    /** Every experiment file directly in {@code experiments/}: all of them must be valid. */
    public static List<Path> examples() {
        try (Stream<Path> files = Files.list(examplesDir())) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A test fixture under {@code src/test/resources/experiments}. */
    public static Path fixture(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/experiments/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The environment plus a stand-in for every {@code ${secret:X}} and {@code ${env:X}} the file needs. */
    public static Map<String, String> envFor(Path file) {
        Map<String, String> env = new HashMap<>(System.getenv());
        try {
            Matcher m = NEEDED.matcher(Files.readString(file));
            while (m.find()) {
                env.putIfAbsent(m.group(1), "test-value-of-" + m.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env;
    }
}
