package dev.quire.spi.answer;

import java.util.List;

/**
 * What to answer and with what.
 *
 * @param allowGeneralKnowledge false for ENTERPRISE_CONTENT_ONLY (answer only from passages),
 *                              true for EXTENDED_KNOWLEDGE_ENABLED
 */
public record AnswerRequest(String question, List<ConversationTurn> history, List<SourcePassage> passages,
                            boolean allowGeneralKnowledge) {
    public AnswerRequest {
        history = List.copyOf(history);
        passages = List.copyOf(passages);
    }
}
