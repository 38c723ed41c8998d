package dev.quire.protocol.pipeline;

/** The id of one request, returned as {@code x-amzn-RequestId} and written to the audit log. */
public record RequestId(String value) {
}
