package dev.quire.protocol.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.protocol.AwsService;
import dev.quire.protocol.awsquery.XmlWriter;
import dev.quire.protocol.http.Headers;
import dev.quire.protocol.http.WireResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The one place that turns a {@link WireError} into bytes, per service protocol (API-REFERENCE §§3–6). */
public final class ErrorRenderer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorRenderer() {
    }

    public static WireResponse render(AwsService service, WireError error, String requestId) {
        return switch (service.protocol()) {
            case REST_JSON -> restJson(error, requestId);
            case AWS_JSON_1_1 -> awsJson(error, requestId);
            case AWS_QUERY -> awsQuery(service.xmlNamespace(), error, requestId);
        };
    }

    /** Header x-amzn-ErrorType plus {"__type","message",members}; never a top-level "code" key (JS reads it first). */
    static WireResponse restJson(WireError error, String requestId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", error.code());
        body.put("message", error.message());
        for (Map.Entry<String, Object> m : error.members().entrySet()) {
            if (!m.getKey().equalsIgnoreCase("code")) {
                body.set(m.getKey(), JSON.valueToTree(m.getValue()));
            }
        }
        return json(error, requestId, "application/json", body);
    }

    /** awsJson1.1: {"__type","Message"} (Secrets Manager capitalises Message). */
    static WireResponse awsJson(WireError error, String requestId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", error.code());
        body.put("Message", error.message());
        return json(error, requestId, "application/x-amz-json-1.1", body);
    }

    private static WireResponse json(WireError error, String requestId, String contentType, ObjectNode body) {
        Headers headers = new Headers()
                .set("Content-Type", contentType)
                .set("x-amzn-ErrorType", error.code());
        if (requestId != null) {
            headers.set("x-amzn-RequestId", requestId);
        }
        return new WireResponse(error.status(), headers, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    static WireResponse awsQuery(String namespace, WireError error, String requestId) {
        XmlWriter xml = new XmlWriter();
        xml.open("ErrorResponse", namespace);
        xml.open("Error");
        xml.element("Type", error.senderFault() ? "Sender" : "Receiver");
        xml.element("Code", error.code());
        xml.element("Message", error.message());
        xml.close();
        xml.element("RequestId", requestId == null ? "" : requestId);
        xml.close();
        Headers headers = new Headers().set("Content-Type", "text/xml");
        if (requestId != null) {
            headers.set("x-amzn-RequestId", requestId);
        }
        return new WireResponse(error.status(), headers, xml.toBytes());
    }
}
