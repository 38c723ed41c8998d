package dev.quire.llm;

import dev.quire.spi.answer.Citation;
import dev.quire.spi.answer.SourcePassage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the [n] markers left in a filtered answer into {@link Citation}s: the span is the sentence
 * the marker follows (markers excluded), the excerpt the sentence of passage n that shares the
 * most terms with it, or the passage start when none does.
 */
final class CitationLocator {
    static final int MAX_EXCERPT_CHARS = 300;
    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,9})\\]");
    private static final Pattern PASSAGE_SENTENCE_BREAK = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");
    private static final Set<String> STOPWORDS = Set.of("the", "and", "for", "are", "was", "were", "with", "that",
            "this", "from", "has", "have", "had", "not", "but", "its", "you", "your", "our", "can", "will", "all");

    private CitationLocator() {
    }

    /** Markers must already be filtered: every [n] left names a key of {@code passages}. */
    static List<Citation> locate(String answer, Map<Integer, SourcePassage> passages) {
        List<int[]> markers = new ArrayList<>();
        List<Citation> citations = new ArrayList<>();
        Matcher m = MARKER.matcher(answer);
        while (m.find()) {
            int number = Integer.parseInt(m.group(1));
            SourcePassage passage = passages.get(number);
            if (passage == null) {
                continue; // cannot happen after filtering; never cite what was not offered
            }
            int end = sentenceEnd(answer, m.start(), markers);
            int begin = sentenceBegin(answer, end, markers);
            if (begin >= end) { // a marker with no sentence before it: point at the marker itself
                begin = m.start();
                end = m.end();
            }
            markers.add(new int[] {m.start(), m.end()});
            String sentence = answer.substring(begin, end);
            citations.add(new Citation(number, begin, end, bestExcerpt(passage.text(), sentence)));
        }
        return citations;
    }

    /** Walks back over whitespace and markers directly before this one ("… text [1][2]"). */
    private static int sentenceEnd(String text, int markerStart, List<int[]> earlierMarkers) {
        int end = markerStart;
        boolean moved = true;
        while (moved) {
            moved = false;
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            for (int[] marker : earlierMarkers) {
                if (marker[1] == end) {
                    end = marker[0];
                    moved = true;
                }
            }
        }
        return end;
    }

    /** The sentence starts after the previous terminator, line break or marker. */
    private static int sentenceBegin(String text, int end, List<int[]> earlierMarkers) {
        Set<Integer> markerEnds = new HashSet<>();
        earlierMarkers.forEach(marker -> markerEnds.add(marker[1]));
        int begin = 0;
        for (int i = end - 2; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' || markerEnds.contains(i + 1)
                    || ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i + 1)))) {
                begin = i + 1;
                break;
            }
        }
        while (begin < end && Character.isWhitespace(text.charAt(begin))) {
            begin++;
        }
        return begin;
    }

    static String bestExcerpt(String passageText, String answerSentence) {
        Set<String> wanted = terms(answerSentence);
        String best = null;
        int bestScore = 0;
        for (String sentence : PASSAGE_SENTENCE_BREAK.split(passageText.strip())) {
            Set<String> shared = terms(sentence);
            shared.retainAll(wanted);
            if (shared.size() > bestScore) {
                bestScore = shared.size();
                best = sentence;
            }
        }
        return clip(best != null ? best.strip() : passageText.strip());
    }

    private static Set<String> terms(String text) {
        Set<String> terms = new HashSet<>();
        for (String token : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (token.length() >= 3 && !STOPWORDS.contains(token)) {
                terms.add(token);
            }
        }
        return terms;
    }

    private static String clip(String text) {
        if (text.length() <= MAX_EXCERPT_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_EXCERPT_CHARS);
        return text.substring(0, cut > MAX_EXCERPT_CHARS / 2 ? cut : MAX_EXCERPT_CHARS) + "…";
    }
}
