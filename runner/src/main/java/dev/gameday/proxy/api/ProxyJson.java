package dev.gameday.proxy.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.proxy.net.Proxy;
import dev.gameday.proxy.net.ProxyError;
import dev.gameday.proxy.net.TrafficCounters;
import dev.gameday.proxy.toxic.Toxic;
import dev.gameday.toxic.Attribute;
import dev.gameday.proxy.toxic.ToxicAttributes;
import dev.gameday.proxy.toxic.ConfiguredToxic;
import java.util.LinkedHashMap;
import java.util.Map;

/** Toxiproxy's JSON: proxies and toxics out, request bodies in (checked field by field). */
final class ProxyJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private ProxyJson() {}

    static ObjectNode proxy(Proxy proxy) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", proxy.name());
        node.put("listen", proxy.listen());
        node.put("upstream", proxy.upstream());
        node.put("enabled", proxy.enabled());
        ArrayNode toxics = node.putArray("toxics");
        proxy.toxics().forEach(t -> toxics.add(toxic(t)));
        node.set("traffic", traffic(proxy.traffic()));
        return node;
    }

    /** Gameday's addition (Toxiproxy clients ignore unknown fields): what the proxy has carried. */
    private static ObjectNode traffic(TrafficCounters.Totals totals) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("connectionsAccepted", totals.connectionsAccepted());
        ObjectNode upstream = node.putObject("upstream");
        upstream.put("receivedBytes", totals.upstreamReceived());
        upstream.put("sentBytes", totals.upstreamSent());
        ObjectNode downstream = node.putObject("downstream");
        downstream.put("receivedBytes", totals.downstreamReceived());
        downstream.put("sentBytes", totals.downstreamSent());
        return node;
    }

    static ObjectNode toxic(ConfiguredToxic toxic) {
        ObjectNode node = MAPPER.createObjectNode();
        ObjectNode attributes = node.putObject("attributes");
        toxic.attributes().values().forEach(attributes::put);
        node.put("name", toxic.name());
        node.put("type", toxic.type());
        node.put("stream", toxic.stream().key());
        node.put("toxicity", toxic.toxicity());
        return node;
    }

    static ObjectNode error(int status, String message) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("error", message);
        node.put("status", status);
        return node;
    }

    /** The request body as JSON; an empty body is Go's {@code EOF}. */
    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ProxyError.badRequest("EOF");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProxyError.badRequest(e.getOriginalMessage());
        }
    }

    static JsonNode object(String body) {
        JsonNode node = parse(body);
        if (!node.isObject()) {
            throw ProxyError.badRequest("expected a JSON object");
        }
        return node;
    }

    static String text(JsonNode body, String field, String otherwise) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isTextual()) {
            throw ProxyError.badRequest(field + " must be a string");
        }
        return value.asText();
    }

    static Boolean bool(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw ProxyError.badRequest(field + " must be true or false");
        }
        return value.asBoolean();
    }

    static float toxicity(JsonNode body, float otherwise) {
        JsonNode value = body.get("toxicity");
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
            throw ProxyError.badRequest("toxicity must be a number from 0 to 1");
        }
        return value.floatValue();
    }

    /** {@code attributes} of the body laid over {@code base}; only the toxic's own keys count. */
    static ToxicAttributes attributes(JsonNode body, Toxic toxic, ToxicAttributes base) {
        JsonNode given = body.get("attributes");
        if (given == null || given.isNull()) {
            return base;
        }
        if (!given.isObject()) {
            throw ProxyError.badRequest("attributes must be an object");
        }
        Map<String, Long> changes = new LinkedHashMap<>();
        for (Attribute attribute : toxic.attributes()) {
            String name = attribute.name();
            JsonNode value = given.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw ProxyError.badRequest("attribute " + name + " of " + toxic.name() + " must be an integer, got " + value);
            }
            if (value.longValue() < 0) {
                throw ProxyError.badRequest("attribute " + name + " of " + toxic.name() + " must not be negative, got " + value);
            }
            if (value.longValue() > attribute.maximum()) {
                throw ProxyError.badRequest("attribute " + name + " of " + toxic.name() + " must be at most "
                        + attribute.maximum() + ", got " + value);
            }
            changes.put(name, value.longValue());
        }
        return base.with(changes);
    }

    /** Every attribute of the toxic at 0. */
    static ToxicAttributes zeros(Toxic toxic) {
        Map<String, Long> zeros = new LinkedHashMap<>();
        toxic.attributes().forEach(a -> zeros.put(a.name(), 0L));
        return new ToxicAttributes(zeros);
    }
}
