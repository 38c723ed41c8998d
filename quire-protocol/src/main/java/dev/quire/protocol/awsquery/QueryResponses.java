package dev.quire.protocol.awsquery;

import dev.quire.protocol.http.Headers;
import dev.quire.protocol.http.WireResponse;
import java.util.function.Consumer;

/** Successful awsQuery responses: {@code <XResponse><XResult>…</XResult><ResponseMetadata/>}, result first. */
public final class QueryResponses {
    private QueryResponses() {
    }

    /**
     * @param result writes the members of {@code <ActionResult>}; null for operations without output
     */
    public static WireResponse ok(String namespace, String action, Consumer<XmlWriter> result, String requestId) {
        XmlWriter xml = new XmlWriter().open(action + "Response", namespace);
        if (result != null) {
            // Java v2 takes the FIRST child of <XResponse> as the result (API-REFERENCE §1.1 #13).
            xml.open(action + "Result");
            result.accept(xml);
            xml.close();
        }
        xml.open("ResponseMetadata").element("RequestId", requestId).close();
        xml.close();
        return new WireResponse(200, new Headers().set("Content-Type", "text/xml"), xml.toBytes());
    }
}
