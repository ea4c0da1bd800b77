package dev.gameday.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** {@code <out>/<UTC timestamp>-<slug>/}: one new folder per run, the slug from the experiment's file name. */
final class RunFolders {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private RunFolders() {}

    public static Path create(Path outDir, Path experimentFile, Instant now) throws IOException {
        Files.createDirectories(outDir);
        String base = STAMP.format(now) + "-" + slug(experimentFile);
        for (int i = 1; ; i++) {
            Path dir = outDir.resolve(i == 1 ? base : base + "-" + i);
            try {
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException taken) {
                // Two runs in the same second: number the next one.
            }
        }
    }

    static String slug(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "experiment" : slug;
    }
}
