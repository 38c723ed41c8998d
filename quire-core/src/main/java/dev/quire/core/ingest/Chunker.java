package dev.quire.core.ingest;

import dev.quire.spi.extract.ExtractedText;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts extracted text into chunks of whole sentences, one section at a time, so a chunk never
 * spans two headings and never ends mid-sentence (except a single sentence longer than the
 * maximum, which is cut at whitespace). Consecutive chunks of a section share their boundary
 * sentence(s) so a fact stated across the cut is still found whole in one chunk. Deterministic.
 */
public final class Chunker {
    /** About 200 words of English prose. */
    public static final int DEFAULT_MAX_CHARS = 1_200;
    public static final int DEFAULT_OVERLAP_SENTENCES = 1;
    private static final int MIN_MAX_CHARS = 40;

    private final int maxChars;
    private final int overlapSentences;
    private final SentenceSplitter splitter = new SentenceSplitter();

    public Chunker() {
        this(DEFAULT_MAX_CHARS, DEFAULT_OVERLAP_SENTENCES);
    }

    public Chunker(int maxChars, int overlapSentences) {
        if (maxChars < MIN_MAX_CHARS) {
            throw new IllegalArgumentException("maxChars must be at least " + MIN_MAX_CHARS);
        }
        if (overlapSentences < 0) {
            throw new IllegalArgumentException("overlapSentences must be >= 0");
        }
        this.maxChars = maxChars;
        this.overlapSentences = overlapSentences;
    }

    /**
     * @param documentTitle the title to keep on every chunk; when blank, the extracted title is used
     */
    public List<Chunk> chunk(ExtractedText text, String documentTitle) {
        String title = documentTitle != null && !documentTitle.isBlank() ? documentTitle.strip()
                : text.title() == null ? "" : text.title().strip();
        List<Chunk> chunks = new ArrayList<>();
        for (ExtractedText.Section section : text.sections()) {
            String body = section.text() == null ? "" : section.text();
            for (String piece : chunkSection(body)) {
                chunks.add(new Chunk(chunks.size(), title, section.headingPath(), piece));
            }
        }
        return chunks;
    }

    /** The texts of one section's chunks, each a verbatim span of the section. */
    private List<String> chunkSection(String body) {
        List<Sentence> sentences = fitSentences(body, splitter.split(body));
        List<String> pieces = new ArrayList<>();
        int first = 0;
        while (first < sentences.size()) {
            int last = first;
            while (last + 1 < sentences.size() && span(sentences, first, last + 1) <= maxChars) {
                last++;
            }
            pieces.add(body.substring(sentences.get(first).begin(), sentences.get(last).end()));
            if (last == sentences.size() - 1) {
                break;
            }
            first = nextStart(sentences, first, last);
        }
        return pieces;
    }

    /** Start of the next chunk: back up to share the last sentences, while keeping progress and room. */
    private int nextStart(List<Sentence> sentences, int first, int last) {
        int next = Math.max(first + 1, last + 1 - overlapSentences);
        while (next <= last && span(sentences, next, last + 1) > maxChars) {
            next++; // the overlap would leave no room for the next new sentence
        }
        return next;
    }

    private static int span(List<Sentence> sentences, int from, int to) {
        return sentences.get(to).end() - sentences.get(from).begin();
    }

    /** Replaces each sentence longer than the maximum by pieces cut at whitespace. */
    private List<Sentence> fitSentences(String body, List<Sentence> sentences) {
        List<Sentence> fitted = new ArrayList<>();
        for (Sentence sentence : sentences) {
            if (sentence.length() <= maxChars) {
                fitted.add(sentence);
                continue;
            }
            int begin = sentence.begin();
            while (begin < sentence.end()) {
                int end = cutPoint(body, begin, sentence.end());
                fitted.add(new Sentence(begin, end, body.substring(begin, end)));
                begin = end;
                while (begin < sentence.end() && SentenceSplitter.isSpace(body.charAt(begin))) {
                    begin++;
                }
            }
        }
        return fitted;
    }

    /** End of a piece starting at {@code begin}: the last whitespace within reach, else a hard cut. */
    private int cutPoint(String body, int begin, int end) {
        if (end - begin <= maxChars) {
            return end;
        }
        int limit = begin + maxChars;
        for (int i = limit; i > begin; i--) {
            if (SentenceSplitter.isSpace(body.charAt(i)) && !SentenceSplitter.isSpace(body.charAt(i - 1))) {
                return i;
            }
        }
        // No whitespace at all (a huge token): cut hard, but never between a surrogate pair.
        return Character.isLowSurrogate(body.charAt(limit)) ? limit - 1 : limit;
    }
}
