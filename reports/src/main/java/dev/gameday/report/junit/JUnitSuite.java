package dev.gameday.report.junit;

import java.util.List;
import java.util.Map;

/**
 * A test suite in the shape CI servers read (Jenkins/Surefire JUnit XML). {@code timestamp} is ISO-8601
 * without zone, as the schema wants.
 */
public record JUnitSuite(String name, String timestamp, String hostname, double timeSeconds,
        Map<String, String> properties, List<TestCase> cases, String systemOut) {

    public JUnitSuite {
        properties = Map.copyOf(properties);
        cases = List.copyOf(cases);
    }

    /** A test case; at most one of {@code failure}, {@code error}, {@code skipped} is non-null. */
    public record TestCase(String classname, String name, double timeSeconds, Outcome failure, Outcome error,
            String skipped) {

        public static TestCase passed(String classname, String name, double time) {
            return new TestCase(classname, name, time, null, null, null);
        }

        public static TestCase failed(String classname, String name, double time, String message, String detail) {
            return new TestCase(classname, name, time, new Outcome(message, detail), null, null);
        }

        public static TestCase errored(String classname, String name, double time, String message, String detail) {
            return new TestCase(classname, name, time, null, new Outcome(message, detail), null);
        }

        public static TestCase skipped(String classname, String name, String message) {
            return new TestCase(classname, name, 0, null, null, message);
        }
    }

    /** A failure or error: a one-line message and the evidence. */
    public record Outcome(String message, String detail) {}
}
