package dev.quire.core.chat.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.spi.answer.ConversationTurn;
import dev.quire.spi.answer.ConversationTurn.Speaker;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryRewriterTest {
    private static final List<ConversationTurn> TEAM_CHAT = List.of(
            new ConversationTurn(Speaker.USER, "Who are the ACME project team members?"),
            new ConversationTurn(Speaker.SYSTEM,
                    "The ACME project team members are Mary Major, Martha Rivera and John Doe. [1]"));
    private static final List<ConversationTurn> PHOENIX_CHAT = List.of(
            new ConversationTurn(Speaker.USER, "What is Project Phoenix?"),
            new ConversationTurn(Speaker.SYSTEM, "Project Phoenix is the billing rewrite. [2]"));

    private final QueryRewriter rewriter = new QueryRewriter();

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("pronoun to the people just named", "and their emails?", TEAM_CHAT,
                        "and their emails? ACME project team members Mary Major Martha Rivera John Doe"),
                Arguments.of("contrast drops the named entity", "what about the other project?", TEAM_CHAT,
                        "what about the other project? team members"),
                Arguments.of("pronoun to the topic", "who leads it?", PHOENIX_CHAT,
                        "who leads it? Project Phoenix"),
                Arguments.of("bare fragment", "Budget?", PHOENIX_CHAT, "Budget? Project Phoenix"),
                Arguments.of("continuation cue", "and the launch date", PHOENIX_CHAT,
                        "and the launch date Project Phoenix"),
                Arguments.of("a question of its own is unchanged", "What is the vacation policy for contractors?",
                        TEAM_CHAT, "What is the vacation policy for contractors?"),
                Arguments.of("a long message is unchanged even with a pronoun",
                        "Can you tell me what the ACME rocket program budget was for it in the last fiscal year?",
                        TEAM_CHAT, "Can you tell me what the ACME rocket program budget was for it in the last fiscal year?"),
                Arguments.of("no history, nothing to lean on", "who leads it?", List.of(), "who leads it?"),
                Arguments.of("only a system turn", "who leads it?",
                        List.of(new ConversationTurn(Speaker.SYSTEM, "Hello, ask me anything.")), "who leads it?"),
                Arguments.of("words already asked are not repeated", "and the ACME members?", TEAM_CHAT,
                        "and the ACME members? project team"),
                Arguments.of("whitespace is trimmed", "  What is the vacation policy?  ", TEAM_CHAT,
                        "What is the vacation policy?"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void rewrites(String name, String message, List<ConversationTurn> history, String expected) {
        assertThat(rewriter.retrievalQuery(message, history)).isEqualTo(expected);
    }

    @Test
    void chainedFollowUpsReachBackToTheQuestionThatSetTheTopic() {
        List<ConversationTurn> history = List.of(
                new ConversationTurn(Speaker.USER, "What is Project Phoenix?"),
                new ConversationTurn(Speaker.SYSTEM, "Project Phoenix is the billing rewrite. [1]"),
                new ConversationTurn(Speaker.USER, "who leads it?"),
                new ConversationTurn(Speaker.SYSTEM, "Mary Major leads it. [1]"));
        assertThat(rewriter.retrievalQuery("and the budget?", history))
                .isEqualTo("and the budget? leads Project Phoenix");
    }

    @Test
    void followUpDetection() {
        assertThat(rewriter.isFollowUp("who leads it?", PHOENIX_CHAT)).isTrue();
        assertThat(rewriter.isFollowUp("What is the vacation policy?", PHOENIX_CHAT)).isFalse();
        assertThat(rewriter.isFollowUp("who leads it?", List.of())).isFalse();
        assertThat(rewriter.isFollowUp("", PHOENIX_CHAT)).isFalse();
        assertThat(rewriter.isFollowUp(null, PHOENIX_CHAT)).isFalse();
    }
}
