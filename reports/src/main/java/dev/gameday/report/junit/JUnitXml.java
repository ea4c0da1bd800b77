package dev.gameday.report.junit;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes a {@link JUnitSuite} as JUnit XML with a StAX writer, so the output is always well-formed. */
public final class JUnitXml {
    private JUnitXml() {}

    public static String render(JUnitSuite suite) {
        return render(suite.name(), List.of(suite));
    }

    /** Several suites in one file (a plan: one per experiment), {@code name} on the {@code testsuites} element. */
    public static String render(String name, List<JUnitSuite> suites) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            counts(xml, name, suites.stream().mapToLong(s -> s.cases().size()).sum(),
                    suites.stream().mapToLong(s -> count(s, c -> c.failure() != null)).sum(),
                    suites.stream().mapToLong(s -> count(s, c -> c.error() != null)).sum(),
                    suites.stream().mapToLong(s -> count(s, c -> c.skipped() != null)).sum(),
                    suites.stream().mapToDouble(JUnitSuite::timeSeconds).sum());
            for (JUnitSuite suite : suites) {
                suite(xml, suite);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return out.toString();
    }

    private static void suite(XMLStreamWriter xml, JUnitSuite suite) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        counts(xml, suite.name(), suite.cases().size(), count(suite, c -> c.failure() != null),
                count(suite, c -> c.error() != null), count(suite, c -> c.skipped() != null), suite.timeSeconds());
        xml.writeAttribute("timestamp", suite.timestamp());
        xml.writeAttribute("hostname", clean(suite.hostname()));
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        for (var p : new TreeMap<>(suite.properties()).entrySet()) {
            xml.writeCharacters("\n      ");
            xml.writeEmptyElement("property");
            xml.writeAttribute("name", clean(p.getKey()));
            xml.writeAttribute("value", clean(p.getValue()));
        }
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
        for (JUnitSuite.TestCase c : suite.cases()) {
            testcase(xml, c);
        }
        xml.writeCharacters("\n    ");
        xml.writeStartElement("system-out");
        xml.writeCData(clean(suite.systemOut()).replace("]]>", "]]]]><![CDATA[>"));
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static long count(JUnitSuite suite, java.util.function.Predicate<JUnitSuite.TestCase> which) {
        return suite.cases().stream().filter(which).count();
    }

    private static void counts(XMLStreamWriter xml, String name, long tests, long failures, long errors, long skipped,
            double time) throws XMLStreamException {
        xml.writeAttribute("name", clean(name));
        xml.writeAttribute("tests", Long.toString(tests));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", Long.toString(errors));
        xml.writeAttribute("skipped", Long.toString(skipped));
        xml.writeAttribute("time", seconds(time));
    }

    private static void testcase(XMLStreamWriter xml, JUnitSuite.TestCase c) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", clean(c.name()));
        xml.writeAttribute("classname", clean(c.classname()));
        xml.writeAttribute("time", seconds(c.timeSeconds()));
        if (c.failure() != null) {
            outcome(xml, "failure", "ToleranceNotMet", c.failure());
        } else if (c.error() != null) {
            outcome(xml, "error", "RunError", c.error());
        } else if (c.skipped() != null) {
            xml.writeCharacters("\n      ");
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", clean(c.skipped()));
        }
        if (c.failure() != null || c.error() != null || c.skipped() != null) {
            xml.writeCharacters("\n    ");
        }
        xml.writeEndElement();
    }

    private static void outcome(XMLStreamWriter xml, String element, String type, JUnitSuite.Outcome outcome)
            throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeStartElement(element);
        xml.writeAttribute("message", clean(outcome.message()));
        xml.writeAttribute("type", type);
        xml.writeCharacters(clean(outcome.detail()));
        xml.writeEndElement();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, s));
    }

    /** XML 1.0 cannot carry most control characters, even escaped. */
    private static String clean(String text) {
        return text == null ? "" : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "");
    }
}
