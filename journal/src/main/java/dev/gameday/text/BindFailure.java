package dev.gameday.text;

import java.util.Locale;
import java.util.regex.Pattern;

/** Why a listen failed, in the words Toxiproxy uses, whichever Netty transport raised it. */
public final class BindFailure {

    /** The native transports prefix the OS error with the call: "bind(..) failed with error(-98): ". */
    private static final Pattern NATIVE_PREFIX = Pattern.compile("^\\w+\\(\\.\\.\\) failed with error\\(-?\\d+\\): ");

    private BindFailure() {}

    /** For example {@code address already in use}. */
    public static String reason(Throwable failure) {
        String message = Failures.message(failure);
        return NATIVE_PREFIX.matcher(message.toLowerCase(Locale.ROOT)).replaceFirst("");
    }
}
