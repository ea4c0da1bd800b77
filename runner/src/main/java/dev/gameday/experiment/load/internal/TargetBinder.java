package dev.gameday.experiment.load.internal;

import dev.gameday.experiment.CommandTarget;
import dev.gameday.experiment.HttpTarget;
import dev.gameday.experiment.ProbeTarget;
import dev.gameday.experiment.TcpTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads what a probe or a rollback talks to: the fields of its {@code http}, {@code tcp} or {@code command} type. */
final class TargetBinder {
    static final List<String> TYPES = List.of("http", "tcp", "command");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final List<String> HTTP_EXPECT = List.of("status", "bodyContains", "jsonPath", "jsonEquals");
    private static final List<String> COMMAND_EXPECT = List.of("exitCode", "stdoutContains");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private TargetBinder() {}

    /** The keys a target of {@code type} adds to its probe or rollback (all of them when the type is unknown). */
    static Set<String> keys(String type) {
        return switch (type == null ? "" : type) {
            case "http" -> new LinkedHashSet<>(List.of("method", "url", "headers", "body", "expect"));
            case "tcp" -> Set.of("address");
            case "command" -> new LinkedHashSet<>(List.of("run", "expect"));
            default -> {
                Set<String> all = new LinkedHashSet<>();
                TYPES.forEach(t -> all.addAll(keys(t)));
                yield all;
            }
        };
    }

    /**
     * The {@code type:} of a raw mapping among {@code types}: as written (in any case) or, when it is
     * misspelt, the closest one (the misspelling is reported when the type is read); else null.
     */
    static String peekType(Node node, List<String> types) {
        if (node instanceof Node.MapNode m && m.entries().get("type") != null
                && m.entries().get("type").value() instanceof Node.Scalar s && s.text() != null) {
            String type = s.text().strip().toLowerCase(java.util.Locale.ROOT);
            return types.contains(type) ? type : Suggestions.closest(type, types);
        }
        return null;
    }

    static ProbeTarget bind(String type, Fields f) {
        return switch (type) {
            case "http" -> http(f);
            case "tcp" -> tcp(f);
            case "command" -> command(f);
            default -> null;
        };
    }

    private static HttpTarget http(Fields f) {
        String method = f.choice("method", METHODS, "GET");
        String url = f.requiredString("url", "the URL to call, e.g. http://127.0.0.1:8080/health");
        if (url != null) {
            try {
                HttpUrls.check(url, "send them in a header instead, e.g. headers: {Authorization: \"Basic ${secret:NAME}\"}");
            } catch (IllegalArgumentException e) {
                f.problem("url", e.getMessage());
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        f.entries("headers").forEach((name, e) -> {
            if (!HEADER_NAME.matcher(name).matches()) {
                f.problems().add(e.line(), e.column(), f.path("headers") + ": '" + name + "' is not an HTTP header name"
                        + " (letters, digits and !#$%&'*+-.^_`|~)");
            } else if (e.value() instanceof Node.Scalar s && !s.isNull()) {
                if (s.text().chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                    f.problems().add(s, f.path("headers") + "." + name + ": a header value cannot hold line breaks"
                            + " or other control characters");
                }
                headers.put(name, s.text());
            } else {
                f.problems().add(e.value(), f.path("headers") + "." + name + ": expected a single value, found "
                        + e.value().kind());
            }
        });
        String body = f.string("body");
        Fields expect = f.fields("expect", HTTP_EXPECT);
        List<Integer> status = new ArrayList<>();
        String bodyContains = null;
        String jsonPath = null;
        String jsonEquals = null;
        if (expect != null) {
            for (Node.Scalar code : expect.values("status")) {
                try {
                    int c = Integer.parseInt(code.text().strip());
                    if (c < 100 || c > 599) {
                        throw new NumberFormatException();
                    }
                    status.add(c);
                } catch (NumberFormatException e) {
                    f.problems().add(code, expect.path("status") + ": '" + code.text() + "' is not an HTTP status (100..599)");
                }
            }
            bodyContains = expect.string("bodyContains");
            jsonPath = expect.string("jsonPath");
            jsonEquals = expect.string("jsonEquals");
            if (jsonPath != null && !jsonPath.startsWith("$")) {
                expect.problem("jsonPath", "'" + jsonPath + "' is not a JSON path: start it with $, e.g. $.status");
            }
            if (jsonEquals != null && jsonPath == null) {
                expect.problem("jsonEquals", "needs jsonPath: the value at that path is compared");
            }
        }
        return new HttpTarget(method, url, headers, body, status, bodyContains, jsonPath, jsonEquals);
    }

    private static TcpTarget tcp(Fields f) {
        String address = f.requiredString("address", "host:port to connect to");
        if (address == null) {
            return null;
        }
        try {
            Address a = Address.parse(address, false);
            return new TcpTarget(a.host(), a.port());
        } catch (IllegalArgumentException e) {
            f.problem("address", e.getMessage());
            return null;
        }
    }

    private static CommandTarget command(Fields f) {
        if (f.node("run") instanceof Node.Scalar) {
            f.problem("run", "expected a list of arguments such as [curl, -fsS, http://127.0.0.1:8080/health]"
                    + " (no shell is involved)");
            return null;
        }
        List<String> run = f.strings("run");
        if (!f.has("run")) {
            f.missing("run", "the command and its arguments, e.g. [curl, -fsS, http://127.0.0.1:8080/health]");
        } else if (run.isEmpty()) {
            f.problem("run", "must name a command");
        }
        Fields expect = f.fields("expect", COMMAND_EXPECT);
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
}
