package dev.quire.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.awscore.AwsResponse;

/** Prints an SDK response the way the seed's {@code json.dumps(response, indent=2, default=str)} does. */
public final class SdkJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SdkJson() {
    }

    /** ResponseMetadata (request id, HTTP status) first, then every member that is set, by wire name. */
    public static ObjectNode toJson(SdkResponse response) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode metadata = out.putObject("ResponseMetadata");
        if (response instanceof AwsResponse aws && aws.responseMetadata() != null) {
            metadata.put("RequestId", aws.responseMetadata().requestId());
        }
        if (response.sdkHttpResponse() != null) {
            metadata.put("HTTPStatusCode", response.sdkHttpResponse().statusCode());
        }
        members(response, out);
        return out;
    }

    public static String pretty(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void members(SdkPojo pojo, ObjectNode out) {
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value != null) {
                out.set(field.memberName(), node(value));
            }
        }
    }

    private static JsonNode node(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value instanceof SdkPojo pojo) {
            ObjectNode object = f.objectNode();
            members(pojo, object);
            return object;
        }
        if (value instanceof Collection<?> items) {
            ArrayNode array = f.arrayNode();
            items.forEach(item -> array.add(node(item)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = f.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), node(v)));
            return object;
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long) {
            return f.numberNode(((Number) value).longValue());
        }
        if (value instanceof Instant instant) {
            return f.textNode(instant.toString());
        }
        return f.textNode(String.valueOf(value));
    }
}
