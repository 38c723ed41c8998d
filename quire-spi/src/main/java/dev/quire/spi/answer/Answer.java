package dev.quire.spi.answer;

import java.util.List;

/**
 * A generated answer. {@code grounded} is false when no passage supported an answer (the text
 * then says so plainly). Citations only ever name passages that were used.
 */
public record Answer(String text, List<Citation> citations, boolean grounded) {
    public Answer {
        citations = List.copyOf(citations);
    }
}
