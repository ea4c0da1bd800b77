package dev.gameday.recover;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.fault.Change;
import dev.gameday.journal.InjectedRef;
import dev.gameday.journal.JournalFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a journal says may still be in place on Toxiproxy: every change announced by an intent (or, in
 * journals older than intents, recorded as done) and not recorded as undone — in the order recovery
 * undoes them: faults, proxies the run created, originals of the proxies it replaced, leases.
 */
record Outstanding(List<Change> faults, List<Change> createdProxies, List<Change> originals, List<Change> leases) {

    static Outstanding of(JournalFile journal) {
        Map<InjectedRef, Change> faults = new LinkedHashMap<>();
        Map<String, Change> created = new LinkedHashMap<>();
        Map<String, Change> originals = new LinkedHashMap<>();
        Map<String, Change> leases = new LinkedHashMap<>();
        for (JsonNode e : journal.events()) {
            String proxy = e.path("proxy").asText();
            switch (e.path("type").asText()) {
                case "fault.injecting", "fault.injected" -> {
                    String toxic = e.path("toxic").path("name").asText(null);
                    // The intent comes first and knows whether an outage has anything to undo; keep it.
                    faults.putIfAbsent(new InjectedRef(proxy, toxic), toxic != null
                            ? new Change.AddedToxic(e.path("step").asText(null), proxy, toxic)
                            : new Change.Outage(e.path("step").asText(null), proxy,
                                    e.path("enabledBefore").asBoolean(true)));
                }
                case "fault.removed" -> faults.remove(new InjectedRef(proxy, e.path("toxicName").asText(null)));
                case "proxy.creating" -> {
                    created.put(proxy, new Change.CreatedProxy(proxy, e.path("listen").asText(),
                            e.path("upstream").asText()));
                    JsonNode original = e.path("replaces");
                    if (original.isObject()) {
                        originals.put(proxy, new Change.ReplacedProxy(proxy, original.path("listen").asText(),
                                original.path("upstream").asText(), original.path("enabled").asBoolean(true)));
                    }
                }
                case "proxy.created" -> {
                    if (e.path("createdByRun").asBoolean()) {
                        // The address the server bound (a listen port 0 is resolved by now).
                        created.put(proxy, new Change.CreatedProxy(proxy, e.path("listen").asText(),
                                e.path("upstream").asText()));
                    }
                }
                case "proxy.replaced" -> originals.putIfAbsent(proxy, new Change.ReplacedProxy(proxy,
                        e.path("originalListen").asText(), e.path("originalUpstream").asText(),
                        e.path("originalEnabled").asBoolean(true)));
                case "proxy.removed" -> created.remove(proxy);
                case "proxy.restored" -> originals.remove(proxy);
                case "lease.taking" -> leases.put(proxy, new Change.LeaseTaken(proxy, e.path("runId").asText()));
                case "lease.released" -> leases.remove(proxy);
                default -> { }
            }
        }
        return new Outstanding(List.copyOf(faults.values()), List.copyOf(created.values()),
                List.copyOf(originals.values()), List.copyOf(leases.values()));
    }

    Outstanding {
        faults = List.copyOf(faults);
        createdProxies = List.copyOf(createdProxies);
        originals = List.copyOf(originals);
        leases = List.copyOf(leases);
    }

    /** With the toxics found on the server by the run's name prefix that the journal does not name. */
    Outstanding withToxics(List<Change.AddedToxic> found) {
        List<Change> all = new ArrayList<>(faults);
        for (Change.AddedToxic toxic : found) {
            boolean known = faults.stream().anyMatch(c -> c instanceof Change.AddedToxic t
                    && t.proxy().equals(toxic.proxy()) && t.toxicName().equals(toxic.toxicName()));
            if (!known) {
                all.add(toxic);
            }
        }
        return new Outstanding(all, createdProxies, originals, leases);
    }

    /** Every change, in the order recovery undoes them. */
    List<Change> all() {
        List<Change> all = new ArrayList<>(faults);
        all.addAll(createdProxies);
        all.addAll(originals);
        all.addAll(leases);
        return all;
    }
}
