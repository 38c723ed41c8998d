package dev.quire.protocol.restjson;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.protocol.JsonCodec;
import dev.quire.protocol.http.Headers;
import dev.quire.protocol.http.WireResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Successful JSON responses for restJson1 and awsJson1.1. */
public final class JsonResponses {
    private JsonResponses() {
    }

    public static ObjectNode object() {
        return JsonCodec.MAPPER.createObjectNode();
    }

    public static WireResponse ok(ObjectNode body) {
        return ok(body, "application/json");
    }

    public static WireResponse ok(ObjectNode body, String contentType) {
        return new WireResponse(200, new Headers().set("Content-Type", contentType),
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** JSON timestamps are epoch seconds as a number, with milliseconds as a fraction (API-REFERENCE §1.3). */
    public static void putTimestamp(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, BigDecimal.valueOf(value.toEpochMilli()).movePointLeft(3));
        }
    }
}
