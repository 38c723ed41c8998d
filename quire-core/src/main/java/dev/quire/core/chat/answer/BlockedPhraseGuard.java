package dev.quire.core.chat.answer;

import java.util.List;
import java.util.function.Consumer;

/**
 * Passes a streamed answer on only when no text already passed can still become part of a
 * blocked phrase, by the rules of {@link BlockedPhrases}. Pieces may split a phrase anywhere
 * (inside a word, between its words, inside an invisible or fullwidth character), so the guard
 * releases text only up to a whitespace character, and only once at least the longest phrase's
 * span follows it: a match that began earlier would then end inside text already seen whole,
 * and would already have been found.
 *
 * <p>Text up to the last whitespace character is stable: what comes later can neither change how
 * it normalizes nor the boundaries of a match inside it (a phrase never ends in whitespace). So
 * a phrase found there is certain, and the guard blocks at once and passes nothing more on. The
 * whole answer is checked once more at the end, exactly as a non-streamed answer is.
 *
 * <p>Thread-safe: a model client may deliver pieces on its own thread.
 */
public final class BlockedPhraseGuard {
    private final List<String> phrases;
    private final int holdBack;
    private final Consumer<String> release;
    private final Runnable onBlocked;
    private final StringBuilder text = new StringBuilder();
    private int released; // raw characters passed on: 0 or just after a whitespace character
    private boolean blocked;
    private boolean finished;

    /**
     * @param release   receives text that can no longer be part of a blocked phrase
     * @param onBlocked runs once, when a blocked phrase is found; nothing is released after it
     */
    public BlockedPhraseGuard(List<String> blockedPhrases, Consumer<String> release, Runnable onBlocked) {
        this.phrases = blockedPhrases == null ? List.of() : List.copyOf(blockedPhrases.stream()
                .filter(p -> p != null && !p.isBlank()).toList());
        this.holdBack = BlockedPhrases.longestMatchSpan(this.phrases);
        this.release = release;
        this.onBlocked = onBlocked;
    }

    public synchronized void accept(String piece) {
        if (blocked || finished || piece == null || piece.isEmpty()) {
            return;
        }
        text.append(piece);
        if (phrases.isEmpty()) {
            releaseTo(text.length());
            return;
        }
        int stable = stableEnd();
        if (stable <= released) {
            return;
        }
        // No match can begin before `released` (it would have ended in text checked before), and
        // text cut just after whitespace normalizes and matches on its own.
        if (BlockedPhrases.match(text.substring(released, stable), phrases).isPresent()) {
            block();
            return;
        }
        releaseTo(releasePoint(stable));
    }

    /**
     * Checks the whole answer as a non-streamed one is checked, and releases the rest of it.
     *
     * @return true when the answer is blocked (the listener was told, now or before)
     */
    public synchronized boolean finish(String answer) {
        finished = true;
        if (blocked) {
            return true;
        }
        if (BlockedPhrases.match(answer, phrases).isPresent()) {
            block();
            return true;
        }
        String sent = text.substring(0, released);
        if (answer.startsWith(sent) && answer.length() > released) {
            // a generator whose final text differs from its pieces gets nothing more streamed;
            // the caller's final event carries the stored text
            release.accept(answer.substring(released));
        }
        return false;
    }

    public synchronized boolean blocked() {
        return blocked;
    }

    private void block() {
        blocked = true;
        onBlocked.run();
    }

    /** Just after the last whitespace character, or 0. */
    private int stableEnd() {
        for (int i = text.length() - 1; i >= released; i--) {
            if (BlockedPhrases.isRegexSpace(text.charAt(i))) {
                return i + 1;
            }
        }
        return released;
    }

    /** The last cut just after whitespace that leaves at least the longest phrase's span held back. */
    private int releasePoint(int stable) {
        for (int cut = stable; cut > released; cut--) {
            if (BlockedPhrases.isRegexSpace(text.charAt(cut - 1))
                    && BlockedPhrases.collapsedLength(text.substring(cut, stable)) >= holdBack) {
                return cut;
            }
        }
        return released;
    }

    private void releaseTo(int end) {
        if (end > released) {
            release.accept(text.substring(released, end));
            released = end;
        }
    }
}
