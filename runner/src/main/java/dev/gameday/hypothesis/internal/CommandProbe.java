package dev.gameday.hypothesis.internal;

import dev.gameday.hypothesis.TimedAttempt;
import dev.gameday.hypothesis.Format;
import dev.gameday.experiment.CommandTarget;
import dev.gameday.experiment.ProbeTarget;
import dev.gameday.experiment.spi.TargetFields;
import dev.gameday.hypothesis.spi.Outcome;
import dev.gameday.hypothesis.spi.ProbeAction;
import dev.gameday.hypothesis.spi.ProbeType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code type: command}: runs argv (no shell) on a worker thread; succeeds on the expected exit code and,
 * when asked, stdout containing a text. A command still running after the timeout is killed with its
 * descendants.
 */
public final class CommandProbe implements ProbeType {
    /** Enough stdout to look for a text in; the rest is read and dropped so the command never blocks. */
    private static final int MAX_STDOUT = 1 << 20;

    private static final List<String> EXPECT = List.of("exitCode", "stdoutContains");
    private static final String EXAMPLE = "[curl, -fsS, http://127.0.0.1:8080/health]";

    @Override
    public String type() {
        return "command";
    }

    @Override
    public String description() {
        return "runs a program (no shell) per sample; succeeds on the expected exit code and stdout text";
    }

    @Override
    public List<String> keys() {
        return List.of("run", "expect");
    }

    @Override
    public boolean runsPrograms() {
        return true;
    }

    @Override
    public boolean rollback() {
        return true;
    }

    @Override
    public ProbeTarget bind(TargetFields f) {
        if (f.isSingleValue("run")) {
            f.problem("run", "expected a list of arguments such as " + EXAMPLE + " (no shell is involved)");
            return null;
        }
        List<String> run = f.strings("run");
        if (!f.has("run")) {
            f.missing("run", "the command and its arguments, e.g. " + EXAMPLE);
        } else if (run.isEmpty()) {
            f.problem("run", "must name a command");
        }
        TargetFields expect = f.fields("expect", EXPECT);
        long exit = 0;
        String stdoutContains = null;
        if (expect != null) {
            Long e = expect.integer("exitCode", 0L);
            if (e != null && (e < 0 || e > 255)) {
                expect.problem("exitCode", e + " is not an exit code (0..255)");
            } else if (e != null) {
                exit = e;
            }
            stdoutContains = expect.string("stdoutContains");
        }
        return run.isEmpty() ? null : new CommandTarget(run, (int) exit, stdoutContains);
    }

    @Override
    public ProbeAction open(Vertx vertx, ProbeTarget target, Duration timeout) {
        CommandTarget command = Targets.as(target, CommandTarget.class);
        if (command.run().isEmpty()) {
            throw new IllegalArgumentException("command probe needs a program to run");
        }
        return new Action(vertx, command, timeout.toMillis() + TimedAttempt.GRACE_MS);
    }

    private static final class Action implements ProbeAction {
        private final Vertx vertx;
        private final CommandTarget command;
        private final long deadlineMs;
        private final Set<Process> running = ConcurrentHashMap.newKeySet();

        Action(Vertx vertx, CommandTarget command, long deadlineMs) {
            this.vertx = vertx;
            this.command = command;
            this.deadlineMs = deadlineMs;
        }

        @Override
        public Future<Outcome> attempt() {
            long sentNanos = System.nanoTime();
            return vertx.executeBlocking(() -> run(sentNanos), false);
        }

        private Outcome run(long sentNanos) throws IOException, InterruptedException {
            if (System.nanoTime() - sentNanos > deadlineMs * 1_000_000) {
                // Queued behind a busy worker pool past the deadline: the sample is already a timeout.
                return Outcome.failed(null, "not started: worker pool busy");
            }
            Process process = new ProcessBuilder(command.run())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            running.add(process);
            process.getOutputStream().close();
            long killer = vertx.setTimer(deadlineMs, id -> kill(process));
            try {
                String stdout = read(process.getInputStream());
                int exit = process.waitFor();
                if (exit != command.expectExit()) {
                    return Outcome.failed(exit, "exit " + exit + ", expected " + command.expectExit());
                }
                if (command.stdoutContains() != null && !stdout.contains(command.stdoutContains())) {
                    return Outcome.failed(exit, "stdout lacks \"" + command.stdoutContains() + "\"");
                }
                return Outcome.ok(exit);
            } finally {
                vertx.cancelTimer(killer);
                running.remove(process);
            }
        }

        private static String read(InputStream in) throws IOException {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                kept.write(buffer, 0, Math.max(0, Math.min(n, MAX_STDOUT - kept.size())));
            }
            return kept.toString(StandardCharsets.UTF_8);
        }

        private static void kill(Process process) {
            // Descendants first: once the parent is gone they can no longer be found from it.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        @Override
        public void close() {
            running.forEach(Action::kill);
        }
    }
}
