package dev.quire.spi.answer;

/**
 * Where the answer text relies on a passage: characters [beginOffset, endOffset) of the answer
 * are supported by passage {@code citationNumber}, and {@code snippetExcerpt} is the passage text
 * that supports them.
 */
public record Citation(int citationNumber, int beginOffset, int endOffset, String snippetExcerpt) {
}
