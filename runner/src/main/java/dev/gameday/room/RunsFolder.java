package dev.gameday.room;

import dev.gameday.journal.JournalReader;
import dev.gameday.recover.RunLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The runs folder the room serves: each run folder directly in it (one holding a journal) is a run,
 * named in URLs by its folder name; so is each run of a plan folder in it ({@code plan.json}, an
 * entry's folder, its run folder), named {@code plan~entry~run}. A name from a URL is used only when it
 * is exactly one of them.
 */
final class RunsFolder {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    /** Between the folders of a plan's run in its name: plan folder, entry, run folder. */
    static final String SEPARATOR = "~";
    static final String PLAN_RECORD = "plan.json";

    private final Path dir;

    RunsFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path dir() {
        return dir;
    }

    /** The run folder named {@code id}; empty for any other name (a path, {@code ..}, no journal). */
    Optional<Path> run(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String[] parts = id.split(SEPARATOR, -1);
        if ((parts.length != 1 && parts.length != 3) || !Stream.of(parts).allMatch(p -> NAME.matcher(p).matches())) {
            return Optional.empty();
        }
        Path run = dir;
        for (String part : parts) {
            run = run.resolve(part);
        }
        run = run.normalize();
        boolean inPlace = parts.length == 1 ? run.getParent().equals(dir)
                : run.getParent().getParent().getParent().equals(dir)
                        && Files.isRegularFile(run.getParent().getParent().resolve(PLAN_RECORD));
        return inPlace && Files.isRegularFile(run.resolve(JournalReader.FILE_NAME)) ? Optional.of(run) : Optional.empty();
    }

    /** The name of a run folder found by {@link #runs()}. */
    String id(Path run) {
        return dir.relativize(run).toString().replace(run.getFileSystem().getSeparator(), SEPARATOR);
    }

    /** The plan record beside a plan's run ({@code plan.json} two folders up); empty for a run of its own. */
    static Optional<Path> planRecord(Path run) {
        Path plan = run.getParent() == null || run.getParent().getParent() == null ? null
                : run.getParent().getParent().resolve(PLAN_RECORD);
        return plan != null && Files.isRegularFile(plan) ? Optional.of(plan) : Optional.empty();
    }

    /** Every run folder, newest first (folder names begin with the run's UTC start). */
    List<Path> runs() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> runs = new ArrayList<>();
        for (Path d : named(dir)) {
            if (Files.isRegularFile(d.resolve(JournalReader.FILE_NAME))) {
                runs.add(d);
            } else if (Files.isRegularFile(d.resolve(PLAN_RECORD))) {
                for (Path entry : named(d)) {
                    named(entry).stream().filter(r -> Files.isRegularFile(r.resolve(JournalReader.FILE_NAME)))
                            .forEach(runs::add);
                }
            }
        }
        runs.sort(Comparator.comparing((Path d) -> d.getFileName().toString()).reversed());
        return runs;
    }

    /** The folders in {@code parent} whose names can be part of a run's name. */
    private static List<Path> named(Path parent) throws IOException {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(d -> NAME.matcher(d.getFileName().toString()).matches() && Files.isDirectory(d)).toList();
        }
    }

    /** Whether the run's process still holds it (its {@code run.lock} names a live process). */
    static boolean live(Path run) {
        return RunLock.read(run).map(RunLock::ownerAlive).orElse(false);
    }
}
