package dev.quire.llm;

import dev.quire.spi.answer.Answer;
import dev.quire.spi.answer.Citation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Consumer;

/**
 * Collects model output (whole or streamed) into an {@link Answer}, emitting to the caller only
 * text that will stand in the final answer, so what was streamed equals {@code Answer.text()}.
 *
 * <p>With general knowledge off, text is held back until the first valid citation arrives: an
 * answer that ends without one is replaced by the not-found message, and the user must not have
 * seen the uncited text before that.
 */
final class AnswerAssembler {
    private static final Logger LOG = LoggerFactory.getLogger(AnswerAssembler.class);

    private final String generatorName;
    private final PromptBuilder.Prompt prompt;
    private final boolean allowGeneralKnowledge;
    private final Consumer<String> onText;
    private final CitationMarkerFilter filter;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder heldBack = new StringBuilder();
    private boolean released;

    AnswerAssembler(String generatorName, PromptBuilder.Prompt prompt, boolean allowGeneralKnowledge,
                    Consumer<String> onText) {
        this.generatorName = generatorName;
        this.prompt = prompt;
        this.allowGeneralKnowledge = allowGeneralKnowledge;
        this.onText = onText;
        this.filter = new CitationMarkerFilter(prompt.offered().keySet(), this::filtered);
    }

    synchronized void accept(String modelText) {
        filter.accept(modelText);
    }

    synchronized Answer finish() {
        filter.finish();
        if (!filter.droppedNumbers().isEmpty()) {
            LOG.warn("{} cited passages that were not offered, markers removed: {} (offered {})",
                    generatorName, filter.droppedNumbers(), prompt.offered().keySet());
        }
        boolean cited = filter.validCitationSeen();
        if (text.isEmpty() || (!cited && !allowGeneralKnowledge)) {
            onText.accept(LlmAnswerGenerator.NOT_FOUND_TEXT);
            return new Answer(LlmAnswerGenerator.NOT_FOUND_TEXT, List.of(), false);
        }
        if (!heldBack.isEmpty()) {
            onText.accept(heldBack.toString());
        }
        String answer = text.toString();
        List<Citation> citations = CitationLocator.locate(answer, prompt.offered());
        return new Answer(answer, citations, !citations.isEmpty());
    }

    private void filtered(String chunk) {
        text.append(chunk);
        if (released) {
            onText.accept(chunk);
        } else if (allowGeneralKnowledge || filter.validCitationSeen()) {
            released = true;
            heldBack.append(chunk);
            onText.accept(heldBack.toString());
            heldBack.setLength(0);
        } else {
            heldBack.append(chunk);
        }
    }
}
