package dev.quire.core.chat;

/** AttachmentOutput: an attachment's fate; {@code errorMessage}/{@code errorCode} only when FAILED. */
public record AttachmentOutput(String name, String status, String errorMessage, String errorCode,
                               String attachmentId, String conversationId) {
    static AttachmentOutput failed(String name, String message, String conversationId) {
        return new AttachmentOutput(name, "FAILED", message, "InvalidRequest", null, conversationId);
    }

    static AttachmentOutput succeeded(String name, String attachmentId, String conversationId) {
        return new AttachmentOutput(name, "SUCCESS", null, null, attachmentId, conversationId);
    }
}
