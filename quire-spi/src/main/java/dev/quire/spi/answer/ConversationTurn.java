package dev.quire.spi.answer;

/** One earlier message of the conversation. */
public record ConversationTurn(Speaker speaker, String text) {
    public enum Speaker { USER, SYSTEM }
}
