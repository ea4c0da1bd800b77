package dev.gameday.experiment.load;

import dev.gameday.yaml.Problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per validation rule: a small valid experiment is changed in one place, and the loader must
 * report exactly one problem, at the right line and column, saying the right thing (the whole of it
 * when the expected text ends with {@code $}).
 */
public class ValidationRulesTest {
    /** Valid as it is; the line numbers below refer to it. */
    public static final String BASE = """
            title: t
            hypothesis: h
            proxies:
              - name: api
                upstream: 127.0.0.1:9000
            steadyState:
              probes:
                - name: home
                  type: http
                  url: http://127.0.0.1:8080/
                  tolerance:
                    successRatio: ">= 99%"
            method:
              - name: slow
                fault:
                  proxy: api
                  toxic: latency
                  attributes:
                    latency: 100ms
                  duration: 5s
            abort:
              - name: broken
                probe: home
                when: "successRatio < 50%"
            tabletop:
              - step: slow
                prompt: what now?
            """;

    @TempDir
    Path dir;

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("unknown key, did you mean", "      tolerance:", "      tolerence:",
                        "11:7: steadyState.probes[0]: unknown key 'tolerence' (did you mean 'tolerance'?)"),
                rule("unknown key, allowed keys listed", "title: t", "title: t\ncolour: red",
                        "2:1: unknown key 'colour' (allowed here: version, title,"),
                rule("required field missing", "title: t\n", "",
                        "1:1: title is required"),
                rule("wrong type", "title: t", "title: [a, b]",
                        "1:8: title: expected a single value, found a list"),
                rule("mapping expected", "  - step: slow\n    prompt: what now?", "  - what now?",
                        "26:5: tabletop[0]: expected a mapping, found a value"),
                rule("duplicate key", "hypothesis: h", "hypothesis: h\ntitle: again",
                        "3:1: duplicate key 'title' (first written at line 1)"),
                rule("unsupported version", "title: t", "version: 2\ntitle: t",
                        "1:10: version: unsupported version 2"),
                rule("a baseline needs one tolerance window before the faults", "steadyState:\n", "steadyState:\n  before: 0s\n",
                        "7:11: steadyState.before: the steady state before lasts 0s, less than one 10s tolerance window "
                                + "of probe home, so the baseline cannot be judged: write before: 10s or more, or "
                                + "baseline: skip to run without one"),
                rule("a baseline needs a probe checked before", "      type: http", "      type: http\n      check: during",
                        "8:5: steadyState.probes: no probe is checked before the faults"),
                rule("baseline is required or skip", "steadyState:\n", "steadyState:\n  baseline: none\n",
                        "7:13: steadyState.baseline: 'none' is not one of required, skip"),
                rule("duration syntax", "duration: 5s", "duration: 5 sec",
                        "20:17: method[0].fault.duration: '5 sec' is not a duration"),
                rule("duration without unit", "duration: 5s", "duration: 30",
                        "20:17: method[0].fault.duration: '30' has no unit: write e.g. 30ms or 30s"),
                rule("duration must be positive", "duration: 5s", "duration: 0s",
                        "20:17: method[0].fault.duration: must be longer than 0"),
                rule("negative latency", "latency: 100ms", "latency: -100ms",
                        "19:18: method[0].fault.attributes.latency: '-100ms' is negative"),
                rule("latency in whole milliseconds", "latency: 100ms", "latency: 1500us",
                        "19:18: method[0].fault.attributes.latency: '1500us' is not a whole number of milliseconds"),
                rule("toxicity within 0..1", "toxic: latency", "toxic: latency\n      toxicity: 1.5",
                        "18:17: method[0].fault.toxicity: 1.5 is outside 0..1"),
                rule("unknown toxic", "toxic: latency", "toxic: latncy",
                        "17:14: method[0].fault.toxic: 'latncy' is not one of latency, down,"),
                rule("unknown toxic attribute", "latency: 100ms", "latency: 100ms\n        jiter: 5ms",
                        "20:9: method[0].fault.attributes: toxic latency has no attribute 'jiter' (did you mean 'jitter'?)"),
                rule("required toxic attribute", "latency: 100ms", "jitter: 5ms",
                        "19:9: method[0].fault.attributes.latency is required for toxic latency"),
                rule("down takes no attributes", "toxic: latency", "toxic: down",
                        "18:7: method[0].fault.attributes: not allowed for toxic down"),
                rule("bandwidth rate is a whole number", "toxic: latency\n      attributes:\n        latency: 100ms",
                        "toxic: bandwidth\n      attributes:\n        rate: fast",
                        "19:15: method[0].fault.attributes.rate: 'fast' is not a whole number of KB/s"),
                rule("slicer variation within average", "toxic: latency\n      attributes:\n        latency: 100ms",
                        "toxic: slicer\n      attributes:\n        average_size: 10\n        size_variation: 20",
                        "19:9: method[0].fault.attributes: size_variation (20) must not exceed average_size (10)"),
                rule("stream is upstream or downstream", "toxic: latency", "toxic: latency\n      stream: sideways",
                        "18:15: method[0].fault.stream: 'sideways' is not one of upstream, downstream"),
                rule("fault names a defined proxy", "proxy: api", "proxy: apy",
                        "16:14: method[0].fault.proxy: no proxy named 'apy' under proxies (did you mean 'api'?)"),
                rule("ramp attribute belongs to the toxic", "duration: 5s",
                        "duration: 5s\n      ramp: {attribute: rate, from: 0ms, to: 1s}",
                        "21:25: method[0].fault.ramp.attribute: toxic latency has no attribute 'rate' (it has: latency, jitter)"),
                rule("ramp no longer than the fault", "duration: 5s",
                        "duration: 5s\n      ramp: {attribute: latency, from: 0ms, to: 1s, over: 10s}",
                        "21:59: method[0].fault.ramp.over: the ramp (10s) is longer than the fault's duration (5s)"),
                rule("ramp updates within the ramp", "duration: 5s",
                        "duration: 5s\n      ramp: {attribute: latency, from: 0ms, to: 1s, over: 2s, every: 3s}",
                        "21:70: method[0].fault.ramp.every: updates every 3s but the ramp lasts only 2s"),
                rule("step has one kind", "  - name: slow\n", "  - name: slow\n    pause: 1s\n",
                        "14:5: method[0]: a step has exactly one of fault, pause or parallel, this one has fault and pause"),
                rule("step has a kind", "abort:", "  - name: idle\nabort:",
                        "21:5: method[1]: a step needs one of fault, pause or parallel"),
                rule("step names unique, parallel included", "abort:",
                        "  - name: both\n    parallel:\n      - name: slow\n        pause: 1s\nabort:",
                        "23:15: method[1].parallel[0].name: another step is already named 'slow' (line 14)"),
                rule("proxy names unique", "    upstream: 127.0.0.1:9000",
                        "    upstream: 127.0.0.1:9000\n  - name: api\n    upstream: 127.0.0.1:9001",
                        "6:11: proxies[1].name: 'api' is already used by proxies[0] (line 4)"),
                rule("upstream is host:port", "upstream: 127.0.0.1:9000", "upstream: 127.0.0.1",
                        "5:15: proxies[0].upstream: '127.0.0.1' is not host:port"),
                rule("listen port in range", "upstream: 127.0.0.1:9000",
                        "upstream: 127.0.0.1:9000\n    listen: 127.0.0.1:70000",
                        "6:13: proxies[0].listen: port 70000 in '127.0.0.1:70000' is outside 0..65535"),
                rule("toxiproxy is embedded or a URL", "title: t", "title: t\ntoxiproxy: somewhere",
                        "2:12: toxiproxy: 'somewhere' is neither 'embedded' nor the http:// URL"),
                // The probe types are an open registry: the test class path plugs in `held` (HeldProbeType).
                rule("probe type known", "type: http", "type: htp",
                        "9:13: steadyState.probes[0].type: 'htp' is not one of command, held, http, prometheus, tcp (did you mean 'http'?)"),
                rule("probe type required", "      type: http\n", "",
                        "8:7: steadyState.probes[0].type is required: one of command, held, http, prometheus, tcp"),
                rule("messages stay on one line", "\">= 99%\"", "\">= 99%\\n and more\"",
                        "12:23: steadyState.probes[0].tolerance.successRatio: '99%\\n and more' is not a percentage"),
                rule("http url valid", "url: http://127.0.0.1:8080/", "url: 127.0.0.1:8080",
                        "10:12: steadyState.probes[0].url: '127.0.0.1:8080' is not an http:// or https:// URL"),
                rule("http status valid", "      tolerance:", "      expect: {status: [200, 700]}\n      tolerance:",
                        "11:30: steadyState.probes[0].expect.status: '700' is not an HTTP status (100..599)"),
                rule("jsonEquals needs jsonPath", "      tolerance:", "      expect: {jsonEquals: ok}\n      tolerance:",
                        "11:28: steadyState.probes[0].expect.jsonEquals: needs jsonPath"),
                rule("tcp address is host:port", "      type: http\n      url: http://127.0.0.1:8080/",
                        "      type: tcp\n      address: localhost",
                        "10:16: steadyState.probes[0].address: 'localhost' is not host:port"),
                rule("command run is a list", "      type: http\n      url: http://127.0.0.1:8080/",
                        "      type: command\n      run: curl -f http://x",
                        "10:12: steadyState.probes[0].run: expected a list of arguments"),
                rule("interval above zero", "      tolerance:", "      interval: 0s\n      tolerance:",
                        "11:17: steadyState.probes[0].interval: must be longer than 0"),
                rule("check phase known", "      tolerance:", "      check: [before, durng]\n      tolerance:",
                        "11:14: steadyState.probes[0].check: 'durng' is not one of before, during, after, continuously (did you mean 'during'?)"),
                rule("window not shorter than interval", "        successRatio: \">= 99%\"",
                        "        successRatio: \">= 99%\"\n        window: 1s\n      interval: 2s",
                        "13:17: steadyState.probes[0].tolerance.window: the window (1s) is shorter than the probe's interval (2s)"),
                rule("tolerance has a bound", "        successRatio: \">= 99%\"", "        window: 5s",
                        "12:9: steadyState.probes[0].tolerance: give successRatio, latency or both"),
                rule("ratio at most 100%", "\">= 99%\"", "\">= 101%\"",
                        "12:23: steadyState.probes[0].tolerance.successRatio: '101%' is not between 0% and 100%"),
                rule("percentile above p0", "        successRatio: \">= 99%\"", "        latency: {p0: \"<= 1s\"}",
                        "12:19: steadyState.probes[0].tolerance.latency: 'p0' is not a percentile: it must be above p0 and at most p100"),
                rule("percentile at most p100", "        successRatio: \">= 99%\"", "        latency: {p101: \"<= 1s\"}",
                        "12:19: steadyState.probes[0].tolerance.latency: 'p101' is not a percentile"),
                rule("latency bound is a duration", "        successRatio: \">= 99%\"", "        latency: {p95: \"<= fast\"}",
                        "12:24: steadyState.probes[0].tolerance.latency.p95: 'fast' is not a duration"),
                rule("abort names a defined probe", "probe: home", "probe: hom",
                        "23:12: abort[0].probe: no probe named 'hom' under steadyState.probes (did you mean 'home'?)"),
                rule("abort condition syntax", "\"successRatio < 50%\"", "\"successRatio is low\"",
                        "24:11: abort[0].when: 'successRatio is low' is not a condition"),
                rule("abort metric known", "\"successRatio < 50%\"", "\"errors > 5%\"",
                        "24:11: abort[0].when: unknown metric 'errors'"),
                rule("rollback type is http or command", "tabletop:",
                        "rollbacks:\n  - name: fix\n    type: tcp\n    address: 127.0.0.1:1\ntabletop:",
                        "27:11: rollbacks[0].type: 'tcp' is not one of command, http"),
                rule("slo objective is a percentage", "title: t", "title: t\nslo: {objective: 99.9, window: 30d}",
                        "2:18: slo.objective: '99.9' is not a percentage: write e.g. 99.9%"),
                rule("slo objective below 100%", "title: t", "title: t\nslo: {objective: 100%, window: 30d}",
                        "2:18: slo.objective: '100%' must be above 0% and below 100%"),
                rule("tabletop names a defined step", "- step: slow", "- step: slwo",
                        "26:11: tabletop[0].step: no step named 'slwo' in method (did you mean 'slow'?)"),
                rule("tabletop has step or phase", "    prompt: what now?", "    phase: after\n    prompt: what now?",
                        "26:5: tabletop[0]: a prompt is attached to exactly one of step or phase"),
                rule("tabletop phase known", "- step: slow", "- phase: durin",
                        "26:12: tabletop[0].phase: 'durin' is not one of before, method, recovery, after"),
                rule("unknown ${var}", "hypothesis: h", "hypothesis: h\nvars: {port: 9000}\ndescription: ${var.prot}",
                        "4:14: unknown variable ${var.prot}: define it under vars: or pass --var prot=VALUE (did you mean 'port'?)"),
                rule("unknown kind of variable", "hypothesis: h", "hypothesis: ${HOME}",
                        "2:13: unknown variable ${HOME}: write ${env:NAME}"),
                rule("bare variable name", "hypothesis: h", "hypothesis: ${prot}\nvars: {port: 1}",
                        "2:13: unknown variable ${prot}: write ${env:NAME}, ${env:NAME:-default}, ${var.NAME} or ${secret:NAME} (did you mean ${var.port}?)"),
                rule("unset environment variable", "hypothesis: h", "hypothesis: ${env:GAMEDAY_TEST_UNSET}",
                        "2:13: environment variable GAMEDAY_TEST_UNSET is not set"),
                rule("unset secret", "hypothesis: h", "hypothesis: ${secret:GAMEDAY_TEST_UNSET}",
                        "2:13: secret GAMEDAY_TEST_UNSET is not set"),
                rule("unterminated variable", "hypothesis: h", "hypothesis: \"${var.x\"",
                        "2:13: unterminated '${'"),
                rule("variables do not refer to themselves", "hypothesis: h",
                        "hypothesis: ${var.a}\nvars: {a: \"${var.b}\", b: \"${var.a}\"}",
                        "3:11: variable a refers to itself: a -> b -> a"),
                rule("proxy name is not ..", "    upstream: 127.0.0.1:9000", "    upstream: 127.0.0.1:9000\n  - {name: \"..\", upstream: h:1}",
                        "6:12: proxies[1].name: '..' cannot be a name: in a URL path it means this or the parent folder"),
                rule("proxy name is not .", "    upstream: 127.0.0.1:9000", "    upstream: 127.0.0.1:9000\n  - {name: \".\", upstream: h:1}",
                        "6:12: proxies[1].name: '.' cannot be a name"),
                rule("proxy name at most 64 characters", "    upstream: 127.0.0.1:9000",
                        "    upstream: 127.0.0.1:9000\n  - {name: " + "a".repeat(65) + ", upstream: h:1}",
                        "6:12: proxies[1].name: '" + "a".repeat(65) + "' is 65 characters long; a name has at most 64"),
                rule("proxy name characters", "    upstream: 127.0.0.1:9000", "    upstream: 127.0.0.1:9000\n  - {name: api/v1, upstream: h:1}",
                        "6:12: proxies[1].name: 'api/v1' may only use letters, digits, '_', '.' and '-'"),
                rule("step name is addressable", "abort:", "  - {name: slow down, pause: 1s}\nabort:",
                        "21:12: method[1].name: 'slow down' may only use letters, digits, '_', '.' and '-'"),
                rule("probe name is addressable", "method:", "    - {name: \"home?x=1\", type: tcp, address: h:1,"
                                + " tolerance: {successRatio: 1%}}\nmethod:",
                        "13:14: steadyState.probes[1].name: 'home?x=1' may only use letters, digits"),
                rule("title is printable", "title: t", "title: \"t\\e[2J\\a\"",
                        "1:8: title: 't\\e[2J\\u0007' holds control characters (such as escape sequences or line breaks)"),
                rule("abort name is printable", "- name: broken", "- name: \"broken\\u009b2J\"",
                        "22:11: abort[0].name: 'broken\\u009b2J' holds control characters"),
                rule("upstream host syntax", "upstream: 127.0.0.1:9000", "upstream: \"a b:80\"",
                        "5:15: proxies[0].upstream: 'a b' in 'a b:80' is not a host name, an IPv4 address or a bracketed IPv6"),
                rule("upstream without credentials", "upstream: 127.0.0.1:9000", "upstream: user:pass@host:80",
                        "5:15: proxies[0].upstream: credentials (user:password@) do not belong in an address: write host:port"),
                rule("IPv4 in range", "upstream: 127.0.0.1:9000", "upstream: 300.0.0.1:9000",
                        "5:15: proxies[0].upstream: '300.0.0.1' in '300.0.0.1:9000' is not a host name"),
                rule("IPv6 in brackets", "upstream: 127.0.0.1:9000", "upstream: \"::1:9000\"",
                        "5:15: proxies[0].upstream: '::1:9000': write an IPv6 address in brackets, e.g. [::1]:8080"),
                rule("IPv6 valid", "upstream: 127.0.0.1:9000", "upstream: \"[fe80::1::2]:9000\"",
                        "5:15: proxies[0].upstream: 'fe80::1::2' in '[fe80::1::2]:9000' is not an IPv6 address"),
                rule("port digits only", "upstream: 127.0.0.1:9000", "upstream: 127.0.0.1:+90",
                        "5:15: proxies[0].upstream: '127.0.0.1:+90' has no valid port"),
                rule("url port in range", "url: http://127.0.0.1:8080/", "url: http://127.0.0.1:99999/",
                        "10:12: steadyState.probes[0].url: port 99999 in 'http://127.0.0.1:99999/' is outside 1..65535"),
                rule("url without credentials", "url: http://127.0.0.1:8080/", "url: http://user:pass@127.0.0.1:8080/",
                        "10:12: steadyState.probes[0].url: the URL holds credentials (user:password@), which gameday does"
                                + " not send: send them in a header instead, e.g. headers: {Authorization: \"Basic ${secret:NAME}\"}"),
                rule("toxiproxy url without credentials", "title: t", "title: t\ntoxiproxy: http://a:b@127.0.0.1:8474",
                        "2:12: toxiproxy: the URL holds credentials (user:password@), which gameday does not send:"
                                + " Toxiproxy's API has no authentication; write its URL alone"),
                rule("toxiproxy url port in range", "title: t", "title: t\ntoxiproxy: http://127.0.0.1:84740",
                        "2:12: toxiproxy: port 84740 in 'http://127.0.0.1:84740' is outside 1..65535"),
                rule("header names are tokens", "      tolerance:", "      headers: {\"X Bad\": v}\n      tolerance:",
                        "11:17: steadyState.probes[0].headers: 'X Bad' is not an HTTP header name"),
                rule("header values are one line", "      tolerance:", "      headers: {X-Ok: \"a\\r\\nX-Injected: 1\"}\n      tolerance:",
                        "11:23: steadyState.probes[0].headers.X-Ok: a header value cannot hold line breaks"),
                rule("a tab is reported where it is", "  - name: api", "\t- name: api",
                        "4:1: not valid YAML: found character '\\t(TAB)' that cannot start any token"),
                rule("ratio hint not nested", "\">= 99%\"", "\"99.9\"",
                        "12:23: steadyState.probes[0].tolerance.successRatio: '99.9' is not a percentage: write e.g. \">= 99%\"$"),
                rule("method as a mapping reported once", "method:\n  - name: slow", "method:\n  name: slow\n  x:",
                        "14:3: method: expected a list, found a mapping"),
                rule("probes as a mapping reported once", "  probes:\n    - name: home", "  probes:\n    name: home\n    x:",
                        "8:5: steadyState.probes: expected a list, found a mapping"),
                rule("an unreadable window is reported, not compared with before", "        successRatio: \">= 99%\"",
                        "        successRatio: \">= 99%\"\n        window: 0s",
                        "13:17: steadyState.probes[0].tolerance.window: must be longer than 0"),
                rule("jsonPath is valid JSONPath", "      tolerance:", "      expect: {jsonPath: \"$.a.\"}\n      tolerance:",
                        "11:26: steadyState.probes[0].expect.jsonPath: invalid jsonPath '$.a.': "),
                rule("a value bound needs a probe that measures one", "        successRatio: \">= 99%\"",
                        "        value: \"<= 0.01\"",
                        "12:16: steadyState.probes[0].tolerance.value: a probe of type http measures no value: a value bound needs a probe type that does (prometheus)$"),
                rule("a value bound has a comparison", "      type: http\n      url: http://127.0.0.1:8080/\n      tolerance:\n        successRatio: \">= 99%\"",
                        "      type: prometheus\n      url: http://127.0.0.1:9090\n      query: up\n      tolerance:\n        value: \"0.01\"",
                        "13:16: steadyState.probes[0].tolerance.value: '0.01' has no comparison: write e.g. \"<= 0.01\""),
                rule("a value bound is a number", "      type: http\n      url: http://127.0.0.1:8080/\n      tolerance:\n        successRatio: \">= 99%\"",
                        "      type: prometheus\n      url: http://127.0.0.1:9090\n      query: up\n      tolerance:\n        value: \"<= 300ms\"",
                        "13:16: steadyState.probes[0].tolerance.value: '300ms' is not a number: write the value in the query's own unit"),
                rule("prometheus needs a query", "      type: http\n      url: http://127.0.0.1:8080/",
                        "      type: prometheus\n      url: http://127.0.0.1:9090",
                        "8:7: steadyState.probes[0].query is required: a PromQL expression"),
                rule("prometheus url is the base URL", "      type: http\n      url: http://127.0.0.1:8080/",
                        "      type: prometheus\n      url: http://127.0.0.1:9090/api/v1/query\n      query: up",
                        "10:12: steadyState.probes[0].url: write the server's base URL"),
                rule("reduce is known", "      type: http\n      url: http://127.0.0.1:8080/",
                        "      type: prometheus\n      url: http://127.0.0.1:9090\n      query: up\n      reduce: maxx",
                        "12:15: steadyState.probes[0].reduce: 'maxx' is not one of max, min, sum, avg (did you mean 'max'?)"),
                rule("onEmpty is known", "      type: http\n      url: http://127.0.0.1:8080/",
                        "      type: prometheus\n      url: http://127.0.0.1:9090\n      query: up\n      onEmpty: none",
                        "12:16: steadyState.probes[0].onEmpty: 'none' is not one of fail, nodata"),
                rule("a value abort needs a probe that measures one", "when: \"successRatio < 50%\"", "when: \"value > 0.5\"",
                        "24:11: abort[0].when: probe 'home' measures no value: a value condition needs a probe type that does"),
                rule("unknown attribute with none close", "latency: 100ms", "latency: 100ms\n        rate: 5",
                        "20:9: method[0].fault.attributes: toxic latency has no attribute 'rate' (it has: latency, jitter)"));
    }

    private static Arguments rule(String name, String find, String replace, String expected) {
        assertThat(BASE).as("case '%s' must change the base", name).contains(find);
        return Arguments.of(name, BASE.replaceFirst(java.util.regex.Pattern.quote(find),
                java.util.regex.Matcher.quoteReplacement(replace)), expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void reportsOneLocatedProblem(String rule, String yaml, String expected) throws IOException {
        Path file = Files.writeString(dir.resolve("x.yaml"), yaml);
        assertThatThrownBy(() -> ExperimentLoader.load(file, Map.of(), Map.of()))
                .isInstanceOfSatisfying(InvalidExperimentException.class, e -> {
                    List<String> problems = e.problems().stream().map(Problem::toString).toList();
                    assertThat(problems).as(yaml).hasSize(1);
                    if (expected.endsWith("$")) {
                        assertThat(problems.get(0)).isEqualTo(file + ":" + expected.substring(0, expected.length() - 1));
                    } else {
                        assertThat(problems.get(0)).startsWith(file + ":" + expected);
                    }
                });
    }

    @Test
    void whatIsBehindATypoIsCheckedToo() throws IOException {
        Path file = Files.writeString(dir.resolve("typo.yaml"), BASE
                .replace("      tolerance:\n        successRatio: \">= 99%\"", "      tolerence:\n        successRatio: \">= 199%\"")
                .replace("type: http", "type: htp\n      expect: {status: 700}")
                .replace("toxic: latency", "toxic: latncy")
                .replace("latency: 100ms", "latncy: -1ms"));
        assertThatThrownBy(() -> ExperimentLoader.load(file, Map.of(), Map.of()))
                .isInstanceOfSatisfying(InvalidExperimentException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.line() + ":" + p.column() + ": " + p.message())
                        .containsExactly(
                                "9:13: steadyState.probes[0].type: 'htp' is not one of command, held, http, prometheus, tcp (did you mean 'http'?)",
                                "10:24: steadyState.probes[0].expect.status: '700' is not an HTTP status (100..599)",
                                "12:7: steadyState.probes[0]: unknown key 'tolerence' (did you mean 'tolerance'?)",
                                "13:23: steadyState.probes[0].tolerance.successRatio: '199%' is not between 0% and 100%",
                                "18:14: method[0].fault.toxic: 'latncy' is not one of latency, down, bandwidth, timeout,"
                                        + " slow_close, reset_peer, slicer, limit_data (did you mean 'latency'?)",
                                "20:9: method[0].fault.attributes: toxic latency has no attribute 'latncy'"
                                        + " (did you mean 'latency'?)",
                                "20:17: method[0].fault.attributes.latency: '-1ms' is negative: a duration must not be negative"));
    }

    @Test
    void baseIsValid() throws IOException {
        Path file = Files.writeString(dir.resolve("base.yaml"), BASE);
        assertThat(ExperimentLoader.load(file, Map.of(), Map.of()).experiment().title()).isEqualTo("t");
    }
}
