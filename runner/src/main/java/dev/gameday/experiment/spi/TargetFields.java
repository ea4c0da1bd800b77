package dev.gameday.experiment.spi;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The fields of one probe's (or rollback's) target as the loader read them, for a {@link ProbeKind}
 * to bind: every value it asks for is located in the file, and every problem it reports shows as
 * {@code file:line:column} with the others, so a plug-in type validates like the built-in ones.
 */
public interface TargetFields {
    /** Where {@code key} is, for messages: {@code steadyState.probes[0].url}. */
    String path(String key);

    boolean has(String key);

    /** A single value, or null (a list or mapping is reported). */
    String string(String key);

    /** A single value that must be there; {@code what} tells what to write when it is missing. */
    String requiredString(String key, String what);

    /** One of {@code allowed} (any case), or {@code dflt} when absent; anything else is reported. */
    String choice(String key, Collection<String> allowed, String dflt);

    /** A whole number, or {@code dflt} when absent. */
    Long integer(String key, Long dflt);

    /** True when {@code key} holds a single value rather than a list. */
    boolean isSingleValue(String key);

    /** A list of single values; a lone value counts as a list of one. */
    List<String> strings(String key);

    /** A mapping of names to single values (e.g. headers), in file order; other values are reported. */
    Map<String, String> values(String key);

    /** The fields of the mapping under {@code key}, with only {@code allowed} keys; null when absent. */
    TargetFields fields(String key, Collection<String> allowed);

    /** Reports {@code message} at the value of {@code key}. */
    void problem(String key, String message);

    /** Reports {@code message} at item {@code index} of the list under {@code key}. */
    void problem(String key, int index, String message);

    /** Reports {@code message} at the name of entry {@code name} of the mapping under {@code key}. */
    void problemAtName(String key, String name, String message);

    /** Reports {@code message} at the value of entry {@code name} of the mapping under {@code key}. */
    void problemAtValue(String key, String name, String message);

    /** Reports that {@code key} is missing; {@code what} tells what to write. */
    void missing(String key, String what);
}
