package dev.gameday.cli;

import dev.gameday.plan.schedule.PlanLauncher;
import dev.gameday.plan.schedule.PlanScheduler;
import dev.gameday.plan.schedule.SchedulerHealth;
import dev.gameday.plan.schedule.SystemTimer;
import dev.gameday.room.Health;
import dev.gameday.room.HealthCheck;
import dev.gameday.room.RoomOptions;
import dev.gameday.room.RoomServer;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gameday serve}: the game-day room over a runs folder, until Ctrl-C. */
@Command(
        name = "serve",
        header = "Serve the game-day room: live runs, abort, scribe log, history, replay.",
        mixinStandardHelpOptions = true,
        description = {"Serve the game-day room for a runs folder on one shared screen: the live run (phase, step,",
            "time left, probe charts, abort conditions, faults in place, proxy traffic), an abort button that",
            "removes every fault at once, the scribe log, the history of past runs and the browser replay."},
        footer = {
            "",
            "Examples:",
            "  export GAMEDAY_ABORT_TOKEN=$(openssl rand -hex 16)",
            "  gameday serve --runs runs                    # http://127.0.0.1:8480",
            "  gameday serve --runs runs --abort-token-file ~/.gameday-token --port 0",
            "  gameday serve --runs runs --read-only        # no abort, no notes",
            "  gameday serve --runs runs --plans plans      # and run the plans in plans/ at their time",
            "",
            "Abort and notes need a token (12 characters or more), sent in the",
            "X-Gameday-Token header: without one the room does not start (see --read-only).",
            "Exit codes: 0 stopped by Ctrl-C or SIGTERM, 3 bad options (no token, a token",
            "  file that cannot be read), 4 address in use.",
        })
public final class ServeCommand implements Callable<Integer> {
    static final String TOKEN_ENV = "GAMEDAY_ABORT_TOKEN";

    @Option(names = "--runs", paramLabel = "DIR", required = true, description = "The runs folder (gameday run --out).")
    Path runs;

    @Option(names = "--port", defaultValue = "8480", description = "Port, 0 for any (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--abort-token-file", paramLabel = "FILE",
            description = "File holding the token for abort and notes (else env " + TOKEN_ENV + ").")
    Path tokenFile;

    @Option(names = "--read-only", description = "No abort button and no notes: no token needed.")
    boolean readOnly;

    @Option(names = "--plans", paramLabel = "DIR",
            description = "Also run the plans in this folder at their time (docs/plan-format.md); /health then"
                    + " checks the scheduler too.")
    Path plans;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new UserInputException("--port must be between 0 and 65535, got " + port);
        }
        if (!Files.isDirectory(runs)) {
            throw new UserInputException(runs + ": no such folder (the runs folder of gameday run --out)");
        }
        RoomOptions options;
        try {
            options = new RoomOptions(runs, bind, port, readOnly ? null : token(), readOnly);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        if (plans != null && !Files.isDirectory(plans)) {
            throw new UserInputException(plans + ": no such folder (the plans to schedule)");
        }
        SystemTimer timer = plans == null ? null : new SystemTimer();
        PlanScheduler scheduler = plans == null ? null : new PlanScheduler(plans, runs, timer,
                PlanLauncher.engine(System.getenv(), runs, System.out), System.getenv(), PlanScheduler.DEFAULT_PERIOD);
        List<HealthCheck> checks = scheduler == null ? List.of() : List.of(() -> {
            SchedulerHealth h = scheduler.healthy();
            return new Health("scheduler", h.ok(), h.ok() ? "scheduling " + scheduler.plans().size() + " plan(s) from "
                    + plans : String.join("; ", h.problems()));
        });
        Vertx vertx = Vertx.vertx();
        RoomServer room;
        try {
            room = RoomServer.start(vertx, options, checks).await();
        } catch (Exception e) {
            vertx.close().await();
            throw e;
        }
        try (StopSignals signals = new StopSignals()) {
            if (scheduler != null) {
                Gauge.builder("gameday.scheduler.round.age", scheduler,
                                s -> s.sinceLastRound() == null ? Double.NaN : s.sinceLastRound().toMillis() / 1000.0)
                        .baseUnit("seconds").description("Time since the plan scheduler's last decision round (one is due"
                                + " every " + PlanScheduler.DEFAULT_PERIOD.toSeconds() + " s): its lag")
                        .register(room.meterRegistry());
                scheduler.start();
            }
            System.out.println("gameday serve: the game-day room for " + runs + " on " + room.url()
                    + (readOnly ? " (read-only)" : "") + (plans == null ? "" : ", scheduling the plans in " + plans)
                    + " (Ctrl-C to stop)");
            signals.await();
        } finally {
            if (scheduler != null) {
                scheduler.stop();
                timer.close();
            }
            room.close();
            vertx.close().await(5, TimeUnit.SECONDS);
        }
        return ExitCode.OK.code();
    }

    private String token() {
        if (tokenFile != null) {
            try {
                return Files.readString(tokenFile).strip();
            } catch (IOException e) {
                throw new UserInputException("cannot read the token file " + tokenFile + ": " + e.getMessage());
            }
        }
        return System.getenv(TOKEN_ENV);
    }
}
