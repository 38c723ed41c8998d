package dev.quire.spi.answer;

import java.util.function.Consumer;

/**
 * Composes an answer from readable passages: the offline extractive answerer by default, an LLM
 * through LangChain4j when configured. One required method; streaming has a default that emits
 * the finished text, so every generator can serve the streaming web chat.
 */
public interface AnswerGenerator {
    Answer generate(AnswerRequest request);

    /** Emits text as it is produced, then returns the whole answer. */
    default Answer generateStreaming(AnswerRequest request, Consumer<String> onText) {
        Answer answer = generate(request);
        onText.accept(answer.text());
        return answer;
    }

    /** A short name for logs and the admin API, e.g. "extractive" or "openai:llama3". */
    String name();
}
