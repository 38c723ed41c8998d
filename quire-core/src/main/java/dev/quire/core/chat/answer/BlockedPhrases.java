package dev.quire.core.chat.answer;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a configured blocked phrase in a question or an answer, so the caller can refuse it or
 * replace it with the blocked message. Matching is case-insensitive, on whole words (a blocked
 * "ass" does not fire on "class"), unicode-aware, tolerant of any whitespace between the words,
 * and not fooled by compatibility forms (fullwidth letters) or invisible characters hidden
 * inside a word.
 */
public final class BlockedPhrases {
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]");
    private static final String WORD_CHAR = "[\\p{L}\\p{M}\\p{N}_]";

    private BlockedPhrases() {
    }

    /** The first of {@code blockedPhrases}, as configured, that occurs in {@code text}; blanks never match. */
    public static Optional<String> match(String text, List<String> blockedPhrases) {
        if (text == null || text.isEmpty() || blockedPhrases == null) {
            return Optional.empty();
        }
        String haystack = normalize(text);
        for (String phrase : blockedPhrases) {
            if (phrase != null && !phrase.isBlank() && pattern(normalize(phrase).strip()).matcher(haystack).find()) {
                return Optional.of(phrase);
            }
        }
        return Optional.empty();
    }

    /**
     * The longest span a match of any phrase can have in normalized text when each whitespace run
     * counts as one character: a match is the phrase's words literally (one character for one
     * under case folding) with one whitespace run between each two. {@link BlockedPhraseGuard}
     * holds back that much, so this must follow {@link #pattern} exactly.
     */
    static int longestMatchSpan(List<String> blockedPhrases) {
        int longest = 0;
        for (String phrase : blockedPhrases == null ? List.<String>of() : blockedPhrases) {
            if (phrase != null && !phrase.isBlank()) {
                String[] words = normalize(phrase).strip().split("\\s+");
                int span = words.length - 1;
                for (String word : words) {
                    span += word.length();
                }
                longest = Math.max(longest, span);
            }
        }
        return longest;
    }

    /** The length of {@code text} once normalized as for matching, each whitespace run counting as one. */
    static int collapsedLength(String text) {
        String normalized = normalize(text);
        int length = 0;
        boolean inSpace = false;
        for (int i = 0; i < normalized.length(); i++) {
            boolean space = isRegexSpace(normalized.charAt(i));
            if (!space || !inSpace) {
                length++;
            }
            inSpace = space;
        }
        return length;
    }

    /** The characters {@code \s} matches in {@link #pattern} (no UNICODE_CHARACTER_CLASS flag). */
    static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static String normalize(String s) {
        return INVISIBLE.matcher(Normalizer.normalize(s, Normalizer.Form.NFKC)).replaceAll("");
    }

    /** The phrase's words quoted literally, any whitespace between them, word boundaries at its ends. */
    private static Pattern pattern(String phrase) {
        StringBuilder regex = new StringBuilder();
        if (isWordChar(phrase.codePointAt(0))) {
            regex.append("(?<!").append(WORD_CHAR).append(')');
        }
        String[] words = phrase.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
        }
        if (isWordChar(phrase.codePointBefore(phrase.length()))) {
            regex.append("(?!").append(WORD_CHAR).append(')');
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static boolean isWordChar(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || Character.getType(codePoint) == Character.NON_SPACING_MARK
                || codePoint == '_';
    }
}
