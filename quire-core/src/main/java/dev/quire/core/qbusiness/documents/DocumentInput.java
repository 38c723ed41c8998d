package dev.quire.core.qbusiness.documents;

import dev.quire.spi.index.AccessControl;
import java.util.Map;
import java.util.Objects;

/**
 * One BatchPutDocument document after wire parsing: content already decoded from base64.
 *
 * @param contentType ContentType enum name or null
 * @param acl         {@link AccessControl#UNRESTRICTED} when the document had no accessConfiguration
 */
public record DocumentInput(String documentId, String title, String contentType, byte[] content,
                            Map<String, AttributeValue> attributes, AccessControl acl) {
    public DocumentInput {
        Objects.requireNonNull(documentId, "documentId");
        content = content == null ? new byte[0] : content;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        acl = acl == null ? AccessControl.UNRESTRICTED : acl;
    }
}
