package dev.quire.core.chat;

import dev.quire.spi.extract.ExtractedText;
import dev.quire.spi.extract.ExtractionException;
import dev.quire.spi.extract.TextExtractor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the files sent with a message: at most {@value #MAX_ATTACHMENTS}, each at most 10 MB,
 * text extracted with the {@link TextExtractor}. A file that cannot be used fails on its own
 * (failedAttachments) without failing the message.
 */
final class ChatAttachments {
    static final int MAX_ATTACHMENTS = 5;
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private final TextExtractor extractor;
    private final Clock clock;

    ChatAttachments(TextExtractor extractor, Clock clock) {
        this.extractor = extractor;
        this.clock = clock;
    }

    record Result(List<StoredAttachment> stored, List<AttachmentOutput> succeeded, List<AttachmentOutput> failed) {
        static final Result NONE = new Result(List.of(), List.of(), List.of());
    }

    Result read(List<AttachmentInput> inputs, String conversationId, String attachmentsControlMode) {
        List<StoredAttachment> stored = new ArrayList<>();
        List<AttachmentOutput> ok = new ArrayList<>();
        List<AttachmentOutput> failed = new ArrayList<>();
        for (AttachmentInput in : inputs) {
            String name = in.name() == null || in.name().isBlank() ? "attachment-" + (stored.size() + failed.size() + 1)
                    : in.name();
            String problem = problem(in, attachmentsControlMode);
            String text = null;
            if (problem == null) {
                try {
                    text = text(extractor.extract(in.data(), null, name));
                    if (text.isBlank()) {
                        problem = "The attachment " + name + " has no text.";
                    }
                } catch (ExtractionException | RuntimeException e) {
                    problem = "The text of " + name + " cannot be extracted: " + e.getMessage();
                }
            }
            if (problem != null) {
                failed.add(AttachmentOutput.failed(name, problem, conversationId));
                continue;
            }
            String id = UUID.randomUUID().toString();
            stored.add(new StoredAttachment(id, conversationId, name, text, clock.instant()));
            ok.add(AttachmentOutput.succeeded(name, id, conversationId));
        }
        return new Result(stored, ok, failed);
    }

    private static String problem(AttachmentInput in, String attachmentsControlMode) {
        if ("DISABLED".equals(attachmentsControlMode)) {
            return "Attachments are disabled for this application.";
        }
        if (in.copyFromConversationId() != null) {
            return "copyFrom is not supported; send the file's data.";
        }
        if (in.data() == null || in.data().length == 0) {
            return "The attachment has no data.";
        }
        if (in.data().length > MAX_BYTES) {
            return "The attachment is larger than 10 MB.";
        }
        return null;
    }

    private static String text(ExtractedText extracted) {
        StringBuilder sb = new StringBuilder();
        for (ExtractedText.Section s : extracted.sections()) {
            if (s.text() != null && !s.text().isBlank()) {
                sb.append(sb.length() == 0 ? "" : "\n\n").append(s.text());
            }
        }
        return sb.toString();
    }
}
