package dev.quire.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Splits text into sentences with their exact offsets. Rule based and deterministic, tuned for
 * enterprise pages: a period ends a sentence only when whitespace and a non-lowercase character
 * follow and the word before it is not an abbreviation (Mr., Dr., e.g., U.S.) or a list number;
 * decimals (3.5) and URLs never break because no whitespace follows their dots. Lines matter too:
 * a blank line, a list item or a line that does not read as wrapped prose ends a sentence, so
 * headings, table rows and bullet lists without punctuation still come apart.
 */
public final class SentenceSplitter {
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "mx", "dr", "prof", "rev", "hon", "st", "mt", "gen", "col", "capt", "lt",
            "sgt", "cpl", "gov", "sen", "rep", "messrs", "vs", "cf", "viz", "approx", "dept", "est",
            "fig", "figs", "no", "nos", "vol", "vols", "pp", "ch", "sec", "art", "ref", "tel", "ext",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "eg", "ie", "al");
    /** U.S, e.g, i.e, a.m, Ph.D: letters joined by dots (the final dot is the one being judged). */
    private static final Pattern DOTTED_INITIALISM = Pattern.compile("(?:\\p{L}{1,2}\\.)+\\p{L}{1,2}");
    private static final Pattern LIST_ITEM = Pattern.compile(
            "^[ \\t]*(?:[-*+•‣◦▪▫–—·]|\\d{1,3}[.)]|\\p{L}[.)]|\\(\\d{1,3}\\))[ \\t]+");
    /** Words a wrapped line of prose can end with: the sentence surely goes on. */
    private static final Set<String> CONTINUING_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for",
            "with", "from", "as", "is", "are", "was", "were", "be", "that", "which", "who", "whose");

    /** Sentences of {@code text} in order; whitespace around each is left out. */
    public List<Sentence> split(String text) {
        TreeSet<Integer> cuts = new TreeSet<>();
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (endsLineBlock(text, i)) {
                    cuts.add(i);
                }
            } else if (isTerminal(c)) {
                int after = skipClosers(text, i);
                if (endsSentence(text, i, after)) {
                    cuts.add(after);
                }
                i = after - 1;
            }
        }
        cuts.add(length);
        List<Sentence> sentences = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            addTrimmed(text, from, cut, sentences);
            from = cut;
        }
        return sentences;
    }

    private static void addTrimmed(String text, int from, int to, List<Sentence> out) {
        int begin = from;
        int end = to;
        while (begin < end && isSpace(text.charAt(begin))) {
            begin++;
        }
        while (end > begin && isSpace(text.charAt(end - 1))) {
            end--;
        }
        if (begin < end) {
            out.add(new Sentence(begin, end, text.substring(begin, end)));
        }
    }

    private static boolean isTerminal(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…' || isCjkTerminal(c);
    }

    private static boolean isCjkTerminal(char c) {
        return c == '。' || c == '！' || c == '？' || c == '｡';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == ')' || c == ']' || c == '}'
                || c == '»' || c == '」' || c == '』' || c == '）';
    }

    /** Index just past a run of terminal marks and closing quotes/brackets starting at {@code i}. */
    private static int skipClosers(String text, int i) {
        int j = i + 1;
        while (j < text.length() && (isTerminal(text.charAt(j)) || isCloser(text.charAt(j)))) {
            j++;
        }
        return j;
    }

    private static boolean endsSentence(String text, int mark, int after) {
        if (after >= text.length()) {
            return true;
        }
        if (isCjkTerminal(text.charAt(mark))) {
            return true;
        }
        if (!isSpace(text.charAt(after))) {
            return false; // 3.5, example.com, v1.2.3, "end.Next"
        }
        int next = after;
        while (next < text.length() && isSpace(text.charAt(next))) {
            next++;
        }
        if (next >= text.length()) {
            return true;
        }
        if (Character.isLowerCase(text.codePointAt(next))) {
            return false; // "e.g. an apple", "approx. ten"
        }
        boolean lonePeriod = text.charAt(mark) == '.' && after == mark + 1;
        return !(lonePeriod && isAbbreviationBefore(text, mark));
    }

    private static boolean isAbbreviationBefore(String text, int dot) {
        int start = dot;
        while (start > 0 && !isSpace(text.charAt(start - 1))) {
            start--;
        }
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        boolean atLineStart = text.substring(lineStart, start).isBlank();
        while (start < dot && !Character.isLetterOrDigit(text.charAt(start))) {
            start++; // drop an opening quote or bracket
        }
        String word = text.substring(start, dot);
        if (word.isEmpty()) {
            return false;
        }
        if (atLineStart && word.length() <= 3 && (word.chars().allMatch(Character::isDigit) || word.length() == 1)) {
            return true; // "1. Install", "a. First option": a list marker, not a sentence
        }
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true; // an initial: "John F. Kennedy"
        }
        return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT)) || DOTTED_INITIALISM.matcher(word).matches();
    }

    /** Whether the newline at {@code nl} ends a sentence (blank line, list item, unwrapped line). */
    private static boolean endsLineBlock(String text, int nl) {
        int next = nl + 1;
        int newlines = 1;
        while (next < text.length() && isSpace(text.charAt(next))) {
            if (text.charAt(next) == '\n') {
                newlines++;
            }
            next++;
        }
        if (next >= text.length()) {
            return false;
        }
        if (newlines >= 2) {
            return true;
        }
        int nextLineEnd = text.indexOf('\n', next);
        String nextLine = text.substring(nl + 1, nextLineEnd < 0 ? text.length() : nextLineEnd);
        if (LIST_ITEM.matcher(nextLine).find()) {
            return true;
        }
        String previous = text.substring(text.lastIndexOf('\n', nl - 1) + 1, nl).strip();
        if (previous.isEmpty()) {
            return false;
        }
        return !(Character.isLowerCase(text.codePointAt(next)) || continuesOnNextLine(previous));
    }

    private static boolean continuesOnNextLine(String line) {
        char last = line.charAt(line.length() - 1);
        if (last == ',' || last == '-' || last == '–' || last == '—' || last == '(' || last == '/' || last == '&') {
            return true;
        }
        int space = line.lastIndexOf(' ');
        String lastWord = line.substring(space + 1).toLowerCase(Locale.ROOT);
        return CONTINUING_WORDS.contains(lastWord);
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
