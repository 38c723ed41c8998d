package dev.quire.core.chat.answer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The small text analysis the offline answerer and the query rewriter share: unicode words,
 * lowercased and stripped of accents, English stop words (question words included) removed,
 * and a light suffix stemmer so "members" meets "member" and "approving" meets "approves".
 */
final class Terms {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "nor", "not", "no", "so", "if", "then", "than",
            "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "into", "onto", "about",
            "over", "under", "up", "down", "out", "off", "via", "per",
            "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done",
            "have", "has", "had", "having", "can", "could", "will", "would", "shall", "should",
            "may", "might", "must", "get", "got",
            "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him",
            "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs", "this",
            "that", "these", "those", "there", "here", "one", "ones",
            "who", "whom", "whose", "what", "which", "when", "where", "why", "how",
            "all", "any", "some", "each", "every", "both", "other", "such", "same", "also", "too",
            "very", "just", "only", "own", "more", "most", "please", "tell", "know", "show", "give",
            "list", "find", "let", "s", "t");

    private Terms() {
    }

    /** Words of {@code text} in order, lowercased and accent-free, stop words kept. */
    static List<String> words(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean wordChar = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(folded.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /** Distinct stemmed content terms of {@code text}, in first-seen order. */
    static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        for (String word : words(text)) {
            if (!STOP_WORDS.contains(word)) {
                terms.add(stem(word));
            }
        }
        return terms;
    }

    /** A light English stemmer: plural and verb endings, then a final e. Short words stay. */
    static String stem(String word) {
        String w = word;
        if (w.length() <= 3 || !Character.isLetter(w.charAt(w.length() - 1))) {
            return w;
        }
        if (w.endsWith("ies") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("sses")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.endsWith("ing") && w.length() >= 6) {
            w = undouble(w.substring(0, w.length() - 3));
        } else if (w.endsWith("ed") && w.length() >= 5) {
            w = undouble(w.substring(0, w.length() - 2));
        }
        if (w.endsWith("e") && w.length() > 3) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String undouble(String stem) {
        int n = stem.length();
        if (n >= 2 && stem.charAt(n - 1) == stem.charAt(n - 2) && "lsz".indexOf(stem.charAt(n - 1)) < 0
                && "aeiou".indexOf(stem.charAt(n - 1)) < 0) {
            return stem.substring(0, n - 1);
        }
        return stem;
    }
}
