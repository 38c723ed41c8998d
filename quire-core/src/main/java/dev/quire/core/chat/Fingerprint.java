package dev.quire.core.chat;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What makes two ChatSync requests "the same request" for clientToken replay (the token itself excluded). */
final class Fingerprint {
    private Fingerprint() {
    }

    static String of(ChatInput in) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {in.userMessage(), in.conversationId(), in.parentMessageId(),
                    in.chatMode(), String.valueOf(in.attributeFilter())}) {
                md.update(String.valueOf(part).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            for (AttachmentInput a : in.attachments()) {
                md.update(String.valueOf(a.name()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(a.data() == null ? new byte[0] : MessageDigest.getInstance("SHA-256").digest(a.data()));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
