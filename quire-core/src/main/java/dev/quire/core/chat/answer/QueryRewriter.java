package dev.quire.core.chat.answer;

import dev.quire.spi.answer.ConversationTurn;
import dev.quire.spi.answer.ConversationTurn.Speaker;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Makes a follow-up message searchable on its own. "who leads it?" retrieves nothing useful; the
 * retrieval query becomes the message plus the content words of the previous question(s), and,
 * when the message points at people or things the last answer named ("and their emails?"), the
 * names in that answer. A message that reads as a question of its own is returned unchanged.
 * Deterministic, no model.
 */
public final class QueryRewriter {
    /** Follow-ups are short; a long message carries its own context. */
    private static final int MAX_FOLLOW_UP_WORDS = 8;
    private static final int MAX_USER_TURNS = 3;
    private static final int MAX_ANSWER_NAMES = 8;
    private static final Set<String> ANAPHORS = Set.of(
            "it", "its", "they", "them", "their", "theirs", "he", "him", "his", "she", "her", "hers",
            "this", "that", "these", "those", "there", "one", "ones", "other", "another", "else",
            "same", "former", "latter", "above");
    /** Pronouns that point at what the last answer named rather than at the question's topic. */
    private static final Set<String> ANSWER_POINTERS = Set.of(
            "they", "them", "their", "theirs", "he", "him", "his", "she", "her", "hers", "these", "those");
    private static final Set<String> CONTRAST = Set.of(
            "other", "another", "else", "instead", "besides", "except", "different");
    private static final List<String> OPENING_CUES = List.of(
            "and ", "or ", "also ", "but ", "then ", "so ", "what about ", "how about ", "same for ");

    /** The text to retrieve with for {@code userMessage}, given the earlier turns (oldest first). */
    public String retrievalQuery(String userMessage, List<ConversationTurn> history) {
        String message = userMessage == null ? "" : userMessage.strip();
        if (!isFollowUp(message, history)) {
            return message;
        }
        List<String> words = Terms.words(message);
        boolean contrast = words.stream().anyMatch(CONTRAST::contains);
        Set<String> present = Terms.of(message);
        Set<String> carried = new LinkedHashSet<>();
        for (String question : earlierQuestions(history)) {
            for (String word : surfaceWords(question)) {
                if (!(contrast && looksLikeName(word, question))) {
                    addIfNew(word, present, carried);
                }
            }
        }
        if (!contrast && words.stream().anyMatch(ANSWER_POINTERS::contains)) {
            int before = carried.size();
            for (String name : namesIn(lastAnswer(history))) {
                if (carried.size() - before == MAX_ANSWER_NAMES) {
                    break;
                }
                addIfNew(name, present, carried);
            }
        }
        return carried.isEmpty() ? message : message + " " + String.join(" ", carried);
    }

    /**
     * Whether {@code userMessage} leans on the conversation: there is an earlier question, and
     * the message is short and either points back (it, their, the other...), opens like a
     * continuation (and..., what about...), or is a bare fragment of at most one content word.
     */
    public boolean isFollowUp(String userMessage, List<ConversationTurn> history) {
        if (userMessage == null || history.stream().noneMatch(t -> t.speaker() == Speaker.USER)) {
            return false;
        }
        List<String> words = Terms.words(userMessage);
        if (words.isEmpty() || words.size() > MAX_FOLLOW_UP_WORDS) {
            return false;
        }
        String opening = String.join(" ", words) + " ";
        boolean cue = OPENING_CUES.stream().anyMatch(opening::startsWith);
        boolean fragment = words.size() <= 3 && Terms.of(userMessage).size() <= 1;
        return cue || fragment || words.stream().anyMatch(ANAPHORS::contains);
    }

    /** The last user question, and the ones before it while each was itself a follow-up. */
    private List<String> earlierQuestions(List<ConversationTurn> history) {
        List<String> questions = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0 && questions.size() < MAX_USER_TURNS; i--) {
            ConversationTurn turn = history.get(i);
            if (turn.speaker() != Speaker.USER) {
                continue;
            }
            questions.add(turn.text());
            if (!isFollowUp(turn.text(), history.subList(0, i))) {
                break;
            }
        }
        return questions;
    }

    private static String lastAnswer(List<ConversationTurn> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).speaker() == Speaker.SYSTEM) {
                return history.get(i).text();
            }
        }
        return "";
    }

    private static void addIfNew(String word, Set<String> present, Set<String> carried) {
        String folded = Terms.words(word).stream().findFirst().orElse("");
        if (folded.isEmpty() || Terms.STOP_WORDS.contains(folded)) {
            return;
        }
        String stem = Terms.stem(folded);
        if (present.add(stem)) {
            carried.add(word);
        }
    }

    /** Words as written (case kept, so names stay recognisable), split on anything but letters/digits. */
    private static List<String> surfaceWords(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean wordChar = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /** A capitalised word that does not open its sentence, or one in capitals: "ACME", "Phoenix". */
    private static boolean looksLikeName(String word, String text) {
        if (!Character.isUpperCase(word.codePointAt(0))) {
            return false;
        }
        if (word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))) {
            return true;
        }
        int at = text.indexOf(word);
        String before = text.substring(0, Math.max(at, 0)).stripTrailing();
        return !(before.isEmpty() || before.endsWith(".") || before.endsWith("?") || before.endsWith("!")
                || before.endsWith(":") || before.endsWith("\n"));
    }

    /** Names in an answer: capitalised words not opening a sentence, citation markers ignored. */
    private static List<String> namesIn(String answer) {
        String text = answer.replaceAll("\\[\\d+]", " ");
        List<String> names = new ArrayList<>();
        for (String word : surfaceWords(text)) {
            if (looksLikeName(word, text) && !names.contains(word)) {
                names.add(word);
            }
        }
        return names;
    }
}
