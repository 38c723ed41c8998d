package dev.quire.core.chat;

/**
 * A file sent with a chat message (AttachmentInput). {@code data} is the decoded blob; a
 * {@code copyFrom} reference is carried as {@code copyFromConversationId}/{@code copyFromAttachmentId}.
 */
public record AttachmentInput(String name, byte[] data, String copyFromConversationId, String copyFromAttachmentId) {
    public static AttachmentInput of(String name, byte[] data) {
        return new AttachmentInput(name, data, null, null);
    }
}
