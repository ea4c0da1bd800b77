package dev.gameday.plan.schedule;

import dev.gameday.experiment.load.LoadOptions;
import dev.gameday.plan.InvalidPlanException;
import dev.gameday.plan.Notification;
import dev.gameday.plan.Occurrence;
import dev.gameday.plan.Occurrences;
import dev.gameday.plan.Plan;
import dev.gameday.plan.PlanLoader;
import dev.gameday.plan.PlanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Runs the plans in a folder at their time ({@code gameday serve --plans DIR --runs DIR}). Every
 * {@code period}, and at each start and plan.soon time, it reads the plans folder again and decides
 * every start due since it last decided, writing each decision to the plan's history
 * ({@code <runs>/schedule/<plan>.history.jsonl}) before acting on it. The policy (docs/plan-format.md):
 *
 * <ul>
 *   <li>a start whose window touches a blackout or freeze is skipped, with the blackout's reason;
 *   <li>a start while a run is in progress (a run this scheduler launched, or any run folder under
 *       the runs folder whose {@code run.lock} owner is alive) is skipped, naming that run;
 *   <li>a start missed while the scheduler was down runs late if the scheduler came back within the
 *       plan's {@code when.grace}, and is skipped as missed otherwise;
 *   <li>each start is decided once: a start in the history is never launched again, after a restart
 *       either; a start launched whose end is not in the history (the scheduler stopped during it) is
 *       recorded as interrupted when the scheduler starts.
 * </ul>
 *
 * Plans, runs and history are files: all state survives a restart. The first time a plan is seen,
 * its starts before that are not the scheduler's (no backlog is run for a new plan).
 */
public final class PlanScheduler implements AutoCloseable {
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(30);
    private static final int MAX_DECISIONS_PER_ROUND = 1000;

    private final Path plansDir;
    private final Path runsDir;
    private final Timer timer;
    private final PlanLauncher launcher;
    private final Map<String, String> env;
    private final Duration period;
    private final Map<String, History> histories = new ConcurrentHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Map<Path, Loaded> loaded = new ConcurrentHashMap<>();
    private volatile List<ScheduledPlan> plans = List.of();
    private volatile Instant upSince;
    private volatile Instant lastRound;
    private volatile boolean stopped;
    private volatile String storageProblem;

    public PlanScheduler(Path plansDir, Path runsDir, Timer timer, PlanLauncher launcher, Map<String, String> env,
            Duration period) {
        this.plansDir = plansDir;
        this.runsDir = runsDir;
        this.timer = timer;
        this.launcher = launcher;
        this.env = Map.copyOf(env);
        this.period = period;
    }

    /** Starts deciding: at once (starts missed while down first), then every period. */
    public synchronized void start() {
        if (upSince != null) {
            return;
        }
        upSince = timer.now();
        timer.at(upSince, this::round);
    }

    /** Stops deciding; runs already launched go on to their end. */
    public void stop() {
        stopped = true;
    }

    @Override
    public void close() {
        stop();
    }

    public SchedulerHealth healthy() {
        List<String> problems = new ArrayList<>();
        if (upSince == null) {
            problems.add("the scheduler has not started");
        }
        if (stopped) {
            problems.add("the scheduler is stopped");
        }
        Instant last = lastRound;
        if (upSince != null && !stopped && last != null && Duration.between(last, timer.now()).compareTo(period.multipliedBy(2)) > 0) {
            problems.add("no decision round since " + last + " (every " + period.toSeconds() + " s is due)");
        }
        if (!Files.isDirectory(plansDir)) {
            problems.add("the plans folder " + plansDir + " is not a readable folder");
        }
        if (storageProblem != null) {
            problems.add(storageProblem);
        }
        return new SchedulerHealth(problems.isEmpty(), problems);
    }

    /**
     * How long since the last decision round (null before the first): a round is due every period, so
     * more than that is how far the scheduler lags behind.
     */
    public Duration sinceLastRound() {
        Instant last = lastRound;
        return last == null ? null : Duration.between(last, timer.now());
    }

    /** The plans watched, as of the last round. */
    public List<ScheduledPlan> plans() {
        return plans;
    }

    /** The schedule history of the plan whose file is named {@code slug} (as {@link Plan#slug()}). */
    public List<HistoryEntry> history(String slug) throws IOException {
        return historyOf(slug.replaceAll("[^a-z0-9-]", "")).entries();
    }

    private History historyOf(String slug) throws IOException {
        History h = histories.get(slug);
        if (h == null) {
            h = History.open(runsDir.resolve("schedule").resolve(slug + ".history.jsonl"));
            histories.put(slug, h);
        }
        return h;
    }

    /** One decision round; then the next one at the earliest time anything is due. */
    private void round() {
        if (stopped) {
            return;
        }
        Instant now = timer.now();
        Instant next = now.plus(period);
        List<ScheduledPlan> seen = new ArrayList<>();
        try {
            for (Path file : planFiles()) {
                Optional<Instant> due = decide(file, now, seen);
                if (due.isPresent() && due.get().isAfter(now) && due.get().isBefore(next)) {
                    next = due.get();
                }
            }
            storageProblem = null;
        } catch (IOException e) {
            storageProblem = "cannot read the plans or write the schedule history: " + e.getMessage();
        }
        plans = List.copyOf(seen);
        lastRound = now;
        timer.at(next, this::round);
    }

    private List<Path> planFiles() throws IOException {
        if (!Files.isDirectory(plansDir)) {
            throw new IOException("no plans folder " + plansDir);
        }
        loaded.keySet().removeIf(f -> !Files.exists(f));
        try (Stream<Path> s = Files.list(plansDir)) {
            return s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).filter(Files::isRegularFile)
                    .sorted().toList();
        }
    }

    /** Decides every start of one plan due by {@code now}; returns when this plan next needs a round. */
    private Optional<Instant> decide(Path file, Instant now, List<ScheduledPlan> seen) throws IOException {
        Loaded loaded = load(file);
        if (loaded.problem() != null) {
            seen.add(new ScheduledPlan(file, null, null, null, false, loaded.problem()));
            return Optional.empty();
        }
        Plan plan = loaded.plan();
        if (plan.when() == null) {
            seen.add(new ScheduledPlan(file, plan.slug(), plan.title(), null, false, null));
            return Optional.empty();
        }
        String slug = plan.slug();
        History history = historyOf(slug);
        if (history.watchingSince().isEmpty()) {
            history.append(new HistoryEntry(HistoryEntry.WATCHING, null, now, "first seen: starts from now on are run",
                    null, null));
        }
        for (Instant s : history.unfinished()) {
            if (!running.contains(slug)) {
                history.append(new HistoryEntry(HistoryEntry.INTERRUPTED, s, now, "the scheduler stopped while the plan "
                        + "ran; its runs are recovered by `gameday recover` on its plan folder's entries", null, null));
            }
        }
        Occurrences occurrences = new Occurrences(plan);
        Instant from = history.lastDecided().orElse(history.watchingSince().get());
        if (from.isBefore(history.watchingSince().get())) {
            from = history.watchingSince().get();
        }
        ZonedDateTime cursor = from.atZone(plan.when().zone());
        // The first start of a new plan may be the very instant it was first seen.
        if (history.lastDecided().isEmpty()) {
            cursor = cursor.minusNanos(1);
        }
        for (int i = 0; i < MAX_DECISIONS_PER_ROUND; i++) {
            Optional<Occurrence> o = occurrences.next(cursor);
            if (o.isEmpty() || o.get().start().toInstant().isAfter(now)) {
                break;
            }
            decideOne(plan, history, o.get(), now);
            cursor = o.get().start();
        }
        Optional<Occurrence> upcoming = occurrences.upcoming(now.atZone(plan.when().zone()), 1).stream()
                .filter(Occurrence::runs).findFirst();
        seen.add(new ScheduledPlan(file, slug, plan.title(), upcoming.map(Occurrence::start).orElse(null),
                running.contains(slug), null));
        Optional<Occurrence> nextStart = occurrences.next(now.atZone(plan.when().zone()));
        Instant due = nextStart.map(x -> x.start().toInstant()).orElse(null);
        if (upcoming.isPresent()) {
            Instant soon = soon(plan, history, upcoming.get(), now);
            if (soon != null && (due == null || soon.isBefore(due))) {
                due = soon;
            }
        }
        return Optional.ofNullable(due);
    }

    /** A plan file as last read: read again only when it changed (its time or size). */
    private record Loaded(java.nio.file.attribute.FileTime modified, long size, Plan plan, String problem) {}

    private Loaded load(Path file) throws IOException {
        java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(file);
        long size = Files.size(file);
        Loaded known = loaded.get(file);
        if (known != null && known.modified().equals(modified) && known.size() == size) {
            return known;
        }
        Loaded fresh;
        try {
            fresh = new Loaded(modified, size, PlanLoader.load(file, env, LoadOptions.DEFAULTS).plan(), null);
        } catch (InvalidPlanException e) {
            fresh = new Loaded(modified, size, null, e.getMessage());
        }
        loaded.put(file, fresh);
        return fresh;
    }

    private void decideOne(Plan plan, History history, Occurrence o, Instant now) throws IOException {
        Instant start = o.start().toInstant();
        if (history.decided(start)) {
            return;
        }
        String slug = plan.slug();
        if (!o.runs()) {
            history.append(new HistoryEntry(HistoryEntry.SKIPPED, start, now, o.skipped(), null, null));
            return;
        }
        Duration late = Duration.between(start, now);
        if (start.isBefore(upSince) && late.compareTo(plan.when().grace()) > 0) {
            history.append(new HistoryEntry(HistoryEntry.SKIPPED, start, now, "missed: the scheduler was not running at "
                    + o.start().toOffsetDateTime() + " and came back " + seconds(late) + " later, past the grace of "
                    + seconds(plan.when().grace()) + " (when.grace)", null, null));
            return;
        }
        Optional<String> busy = running.contains(slug) ? Optional.of("a run of this plan launched earlier is still going")
                : RunsInProgress.find(runsDir);
        if (busy.isPresent()) {
            history.append(new HistoryEntry(HistoryEntry.SKIPPED, start, now, "a run is in progress: " + busy.get(), null,
                    null));
            return;
        }
        boolean missed = start.isBefore(upSince);
        history.append(new HistoryEntry(HistoryEntry.STARTED, start, now, missed ? "late by " + seconds(late)
                + ", within the grace of " + seconds(plan.when().grace()) + ": the scheduler was down at the start" : null,
                null, null));
        running.add(slug);
        launcher.launch(plan, Duration.between(now, o.end().toInstant())).whenComplete((PlanResult r, Throwable e) -> {
            running.remove(slug);
            try {
                history.append(new HistoryEntry(HistoryEntry.ENDED, start, timer.now(),
                        e == null ? null : "the plan could not run: " + plan.redactor().redact(String.valueOf(e.getMessage())),
                        r == null ? "error" : r.verdict().key(), r == null ? null : r.planDir().toString()));
            } catch (IOException io) {
                storageProblem = "cannot write the schedule history: " + io.getMessage();
            }
        });
    }

    /** Sends plan.soon when its time has come; returns when it is due, or null when there is nothing to send. */
    private Instant soon(Plan plan, History history, Occurrence o, Instant now) throws IOException {
        Instant start = o.start().toInstant();
        Instant earliest = null;
        for (Notification n : plan.notifications()) {
            if (!n.events().contains(Notification.Event.PLAN_SOON)) {
                continue;
            }
            Instant at = start.minus(n.before());
            if (earliest == null || at.isBefore(earliest)) {
                earliest = at;
            }
        }
        if (earliest == null || history.has(HistoryEntry.NOTIFIED, start)) {
            return null;
        }
        if (!now.isBefore(earliest) && now.isBefore(start)) {
            history.append(new HistoryEntry(HistoryEntry.NOTIFIED, start, now, "plan.soon", null, null));
            launcher.soon(plan, o.start());
            return null;
        }
        return earliest.isAfter(now) ? earliest : null;
    }

    private static String seconds(Duration d) {
        return dev.gameday.experiment.Durations.format(d);
    }
}
