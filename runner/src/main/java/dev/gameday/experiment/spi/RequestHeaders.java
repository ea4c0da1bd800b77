package dev.gameday.experiment.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The {@code headers:} of an HTTP request a probe sends, read and checked alike for every probe type. */
public final class RequestHeaders {
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private RequestHeaders() {}

    /**
     * The headers under {@code key}, in file order; a name that is no HTTP token or a value with a line
     * break (header injection) is reported at its place and left out.
     */
    public static Map<String, String> read(TargetFields f, String key) {
        Map<String, String> headers = new LinkedHashMap<>();
        f.values(key).forEach((name, value) -> {
            if (!HEADER_NAME.matcher(name).matches()) {
                f.problemAtName(key, name, "'" + name + "' is not an HTTP header name (letters, digits and !#$%&'*+-.^_`|~)");
            } else if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                f.problemAtValue(key, name, "a header value cannot hold line breaks or other control characters");
            } else {
                headers.put(name, value);
            }
        });
        return headers;
    }
}
