package dev.quire.core.chat;

/** Characters [beginOffset, endOffset) of the system message rest on {@code snippetExcerpt}. */
public record TextSegment(int beginOffset, int endOffset, String snippetExcerpt) {
}
