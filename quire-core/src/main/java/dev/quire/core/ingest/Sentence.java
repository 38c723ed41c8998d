package dev.quire.core.ingest;

/**
 * One sentence of a text: characters [begin, end) of the text it was split from, so callers can
 * quote it verbatim and point at it exactly.
 */
public record Sentence(int begin, int end, String text) {
    public Sentence {
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("bad sentence span [" + begin + "," + end + ")");
        }
        if (text.length() != end - begin) {
            throw new IllegalArgumentException("sentence text does not match its span");
        }
    }

    public int length() {
        return end - begin;
    }
}
