package dev.quire.core.chat;

/**
 * Receives a streamed answer. Text arrives only after the blocked-phrase guard let it through;
 * {@link #onBlocked} means everything shown so far must be replaced by the blocked message, and
 * no text follows it. Calls may come from a model client's thread, never two at once.
 */
public interface ChatStreamListener {
    void onText(String text);

    void onBlocked(String blockedMessage);
}
