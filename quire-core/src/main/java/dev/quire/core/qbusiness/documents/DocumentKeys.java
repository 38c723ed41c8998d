package dev.quire.core.qbusiness.documents;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.quire.core.qbusiness.Scopes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Store layout of documents. Document ids may be 1825 characters but store ids are at most 512,
 * so a document's records are keyed by {@code <indexId>/<sha-256 of the document id>}; the real id
 * is in the JSON. All records live in the index scope {@code app/<app>/index/<index>}.
 */
public final class DocumentKeys {
    public static final String DOCUMENT_KIND = "qbusiness-document";
    public static final String CONTENT_KIND = "qbusiness-document-content";
    public static final String JOB_KIND = "qbusiness-index-job";

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private DocumentKeys() {
    }

    public static String documentKey(String indexId, String documentId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(documentId.getBytes(StandardCharsets.UTF_8));
            return indexId + "/" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public static String scope(String applicationId, String indexId) {
        return Scopes.index(applicationId, indexId);
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
