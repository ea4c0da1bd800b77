package dev.gameday.plan.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.plan.DemoBed;
import dev.gameday.plan.Plan;
import dev.gameday.plan.PlanResult;
import dev.gameday.recover.RunLock;
import dev.gameday.run.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler on virtual time: recurrences, blackouts, DST days, starts missed while it was down
 * (late within the grace, skipped past it), a run in progress, restarts that never double a start,
 * plan.soon, and health. The launcher records what it was asked to run; one test runs a real plan.
 */
@Order(3) // a long pole of the suite: started among the first, so the others fill in beside it
class PlanSchedulerTest {
    @TempDir
    Path dir;

    Path plans;
    Path runs;

    /** Records launches; each launch ends when the test completes it (or at once, when {@code instant}). */
    static final class Recording implements PlanLauncher {
        final List<Instant> launches = new CopyOnWriteArrayList<>();
        final List<ZonedDateTime> soon = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<PlanResult>> pending = new CopyOnWriteArrayList<>();
        final VirtualTimer timer;
        final boolean instant;

        Recording(VirtualTimer timer, boolean instant) {
            this.timer = timer;
            this.instant = instant;
        }

        @Override
        public CompletionStage<PlanResult> launch(Plan plan, Duration windowLeft) {
            launches.add(timer.now());
            CompletableFuture<PlanResult> f = new CompletableFuture<>();
            if (instant) {
                f.complete(new PlanResult(Verdict.HELD, List.of(), Path.of("runs/plan")));
            } else {
                pending.add(f);
            }
            return f;
        }

        @Override
        public void soon(Plan plan, ZonedDateTime start) {
            soon.add(start);
        }
    }

    @BeforeEach
    void folders() throws IOException {
        plans = Files.createDirectories(dir.resolve("plans"));
        runs = dir.resolve("runs");
        DemoBed.writeOutageExperiment(plans.getParent());
    }

    Path plan(String name, String when, String rest) throws IOException {
        return Files.writeString(plans.resolve(name + ".yaml"), "title: " + name + "\nexperiments: [{experiment: ../outage.yaml}]\n"
                + "when: " + when + "\n" + rest);
    }

    PlanScheduler scheduler(VirtualTimer timer, PlanLauncher launcher) {
        return scheduler(timer, launcher, Duration.ofSeconds(30));
    }

    PlanScheduler scheduler(VirtualTimer timer, PlanLauncher launcher, Duration period) {
        return new PlanScheduler(plans, runs, timer, launcher, Map.of("HOOK", "http://127.0.0.1:9/hook"), period);
    }

    static Instant utc(String t) {
        return Instant.parse(t);
    }

    static List<String> lines(PlanScheduler s, String slug) throws IOException {
        return s.history(slug).stream().map(e -> e.event() + " " + (e.scheduled() == null ? "-" : e.scheduled())
                + (e.reason() == null ? "" : " " + e.reason())).toList();
    }

    @Test
    void runsARecurrenceAtItsTimesAndSkipsBlackoutsWithTheirReason() throws IOException {
        plan("daily", "{cron: '0 10 * * *', zone: UTC, window: 1h}", "blackouts: [{reason: weekends, days: [weekends]}]\n");
        VirtualTimer timer = new VirtualTimer(utc("2026-12-03T09:00:00Z")); // a Thursday
        Recording launcher = new Recording(timer, true);
        PlanScheduler s = scheduler(timer, launcher);
        s.start();
        timer.advanceTo(utc("2026-12-08T12:00:00Z"));
        assertThat(launcher.launches).containsExactly(utc("2026-12-03T10:00:00Z"), utc("2026-12-04T10:00:00Z"),
                utc("2026-12-07T10:00:00Z"), utc("2026-12-08T10:00:00Z"));
        assertThat(lines(s, "daily")).contains("skipped 2026-12-05T10:00:00Z blackout: weekends",
                "skipped 2026-12-06T10:00:00Z blackout: weekends");
        assertThat(s.history("daily").stream().filter(e -> e.event().equals("ended")).map(HistoryEntry::verdict))
                .containsExactly("held", "held", "held", "held");
        assertThat(s.plans()).singleElement().satisfies(p -> {
            assertThat(p.title()).isEqualTo("daily");
            assertThat(p.next().toInstant()).isEqualTo(utc("2026-12-09T10:00:00Z"));
        });
        assertThat(s.healthy().ok()).isTrue();
    }

    @Test
    void daylightSavingDaysRunAt0330OnSpringForwardAndOnceInTheDoubledHour() throws IOException {
        plan("night", "{cron: '30 2 * * *', zone: Europe/Berlin, window: 20m}", "");
        VirtualTimer timer = new VirtualTimer(utc("2026-03-28T00:00:00Z"));
        Recording launcher = new Recording(timer, true);
        // A long period: months of virtual time in few rounds (each start has its own round anyway).
        PlanScheduler s = scheduler(timer, launcher, Duration.ofHours(6));
        s.start();
        timer.advanceTo(utc("2026-03-30T12:00:00Z"));
        assertThat(launcher.launches).containsExactly(utc("2026-03-28T01:30:00Z"), // 02:30 CET
                utc("2026-03-29T01:30:00Z"), // 03:30 CEST: 02:30 does not exist that day
                utc("2026-03-30T00:30:00Z")); // 02:30 CEST
        launcher.launches.clear();
        timer.advanceTo(utc("2026-10-26T12:00:00Z"));
        assertThat(launcher.launches).filteredOn(t -> t.isAfter(utc("2026-10-24T12:00:00Z")))
                .containsExactly(utc("2026-10-25T00:30:00Z"), // the first 02:30 (CEST), once
                        utc("2026-10-26T01:30:00Z")); // 02:30 CET
    }

    @Test
    void aStartMissedWhileDownRunsLateWithinTheGraceAndIsSkippedPastItNeverTwice() throws IOException {
        plan("morning", "{cron: '0 10 * * *', zone: UTC, window: 1h, grace: 30m}", "");
        VirtualTimer timer = new VirtualTimer(utc("2026-12-01T09:00:00Z"));
        Recording launcher = new Recording(timer, true);
        PlanScheduler first = scheduler(timer, launcher);
        first.start();
        timer.advanceTo(utc("2026-12-01T11:00:00Z"));
        first.stop();
        timer.dropAll(); // the server is down from here
        timer.advanceTo(utc("2026-12-03T10:20:00Z"));
        PlanScheduler second = scheduler(timer, launcher);
        second.start();
        timer.advance(Duration.ofMinutes(1));
        assertThat(launcher.launches).containsExactly(utc("2026-12-01T10:00:00Z"), utc("2026-12-03T10:20:00Z"));
        assertThat(lines(second, "morning")).contains(
                "skipped 2026-12-02T10:00:00Z missed: the scheduler was not running at 2026-12-02T10:00Z and came back "
                        + "1d20m later, past the grace of 30m (when.grace)",
                "started 2026-12-03T10:00:00Z late by 20m, within the grace of 30m: the scheduler was down at the start");
        // A third process over the same files decides nothing twice.
        timer.dropAll();
        PlanScheduler third = scheduler(timer, launcher);
        third.start();
        timer.advance(Duration.ofMinutes(5));
        assertThat(launcher.launches).hasSize(2);
        assertThat(third.history("morning").stream().filter(e -> e.event().equals("started"))).hasSize(2);
    }

    @Test
    void aRunInProgressSkipsTheStartAndSaysWhichAndAStopDuringARunIsRecorded() throws IOException {
        plan("hourly", "{cron: '0 * * * *', zone: UTC, window: 2h}", "");
        VirtualTimer timer = new VirtualTimer(utc("2026-12-01T09:30:00Z"));
        Recording launcher = new Recording(timer, false);
        PlanScheduler s = scheduler(timer, launcher);
        s.start();
        timer.advanceTo(utc("2026-12-01T11:30:00Z"));
        assertThat(launcher.launches).containsExactly(utc("2026-12-01T10:00:00Z"));
        assertThat(lines(s, "hourly")).contains("skipped 2026-12-01T11:00:00Z a run is in progress: a run of this plan "
                + "launched earlier is still going");
        launcher.pending.get(0).complete(new PlanResult(Verdict.REFUTED, List.of(), runs.resolve("p")));
        // Another process's run under the runs folder (its run.lock names a live process) holds too.
        Path other = Files.createDirectories(runs.resolve("20261201T115900Z-manual-run"));
        RunLock.current().write(other);
        timer.advanceTo(utc("2026-12-01T12:30:00Z"));
        assertThat(lines(s, "hourly")).anyMatch(l -> l.startsWith("skipped 2026-12-01T12:00:00Z a run is in progress: "
                + "20261201T115900Z-manual-run (pid " + ProcessHandle.current().pid() + ")"));
        RunLock.delete(other);
        timer.advanceTo(utc("2026-12-01T13:30:00Z"));
        assertThat(launcher.launches).containsExactly(utc("2026-12-01T10:00:00Z"), utc("2026-12-01T13:00:00Z"));
        // The server stops during the 13:00 run: the next one to start records it as interrupted.
        s.stop();
        timer.dropAll();
        PlanScheduler next = scheduler(timer, launcher);
        next.start();
        timer.advance(Duration.ofSeconds(1));
        assertThat(lines(next, "hourly")).anyMatch(l -> l.startsWith("interrupted 2026-12-01T13:00:00Z the scheduler stopped"));
    }

    @Test
    void planSoonGoesOutOnceBeforeTheStart() throws IOException {
        plan("noon", "{at: 2026-12-01T12:00, zone: UTC, window: 1h}", """
                notifications:
                  - url: ${secret:HOOK}
                    events: [plan.soon]
                    before: 15m
                """);
        VirtualTimer timer = new VirtualTimer(utc("2026-12-01T11:00:00Z"));
        Recording launcher = new Recording(timer, true);
        PlanScheduler s = scheduler(timer, launcher);
        s.start();
        timer.advanceTo(utc("2026-12-01T11:45:00Z"));
        assertThat(launcher.soon).extracting(ZonedDateTime::toInstant).containsExactly(utc("2026-12-01T12:00:00Z"));
        timer.advanceTo(utc("2026-12-01T13:00:00Z"));
        assertThat(launcher.soon).hasSize(1);
        assertThat(launcher.launches).containsExactly(utc("2026-12-01T12:00:00Z"));
    }

    @Test
    void healthIsBadWhenTheTimerIsStuckOrThePlansFolderGoes() throws IOException {
        VirtualTimer timer = new VirtualTimer(utc("2026-12-01T09:00:00Z"));
        PlanScheduler s = scheduler(timer, new Recording(timer, true));
        assertThat(s.healthy().ok()).isFalse();
        s.start();
        timer.advance(Duration.ofMinutes(5));
        assertThat(s.healthy().ok()).isTrue();
        timer.jump(Duration.ofMinutes(2));
        assertThat(s.healthy().problems()).anyMatch(p -> p.startsWith("no decision round since"));
        timer.advance(Duration.ofSeconds(1));
        assertThat(s.healthy().ok()).isTrue();
        Files.delete(plans.getParent().resolve("outage.yaml"));
        Files.delete(plans);
        timer.advance(Duration.ofMinutes(1));
        assertThat(s.healthy().problems()).anyMatch(p -> p.contains("plans folder"));
    }

    @Test
    void anInvalidPlanIsReportedNotRun() throws IOException {
        Files.writeString(plans.resolve("broken.yaml"), "title: x\nexperiments: []\n");
        VirtualTimer timer = new VirtualTimer(utc("2026-12-01T09:00:00Z"));
        PlanScheduler s = scheduler(timer, new Recording(timer, true));
        s.start();
        timer.advance(Duration.ofSeconds(1));
        assertThat(s.plans()).singleElement().satisfies(p -> assertThat(p.problem()).contains("broken.yaml:2:14"));
        assertThat(s.healthy().ok()).isTrue();
    }

    @Test
    void aScheduledStartRunsTheRealPlanAndItsEndIsInTheHistory() throws Exception {
        try (DemoBed demo = new DemoBed()) {
            plan("real", "{at: 2026-12-01T10:00, zone: Europe/Berlin, window: 30m}", "vars: " + demo.varsYaml() + "\n");
            VirtualTimer timer = new VirtualTimer(utc("2026-12-01T08:59:00Z"));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            PlanScheduler s = scheduler(timer, PlanLauncher.engine(Map.of(), runs, new java.io.PrintStream(out, true)));
            s.start();
            timer.advanceTo(utc("2026-12-01T09:00:00Z"));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> s.history("real").stream().anyMatch(e -> e.event().equals("ended")));
            HistoryEntry ended = s.history("real").stream().filter(e -> e.event().equals("ended")).findFirst().orElseThrow();
            assertThat(ended.verdict()).as(out.toString()).isEqualTo("held");
            assertThat(Path.of(ended.planDir()).resolve("plan-report.html")).exists();
            assertThat(ended.scheduled()).isEqualTo(utc("2026-12-01T09:00:00Z"));
        }
    }
}
