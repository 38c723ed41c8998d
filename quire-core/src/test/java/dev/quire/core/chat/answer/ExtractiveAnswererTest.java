package dev.quire.core.chat.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.spi.answer.Answer;
import dev.quire.spi.answer.AnswerRequest;
import dev.quire.spi.answer.Citation;
import dev.quire.spi.answer.ConversationTurn;
import dev.quire.spi.answer.ConversationTurn.Speaker;
import dev.quire.spi.answer.SourcePassage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveAnswererTest {
    static final String ACME_MEMBERS = "The ACME project team members are Mary Major, Martha Rivera and John Doe.";
    static final SourcePassage ACME_TEAM = new SourcePassage(1, "doc-acme-team", "ACME project team",
            "This page describes the ACME project. " + ACME_MEMBERS + " The team meets every Tuesday at 10:00.",
            "https://wiki.example/acme/team");
    static final SourcePassage ONBOARDING = new SourcePassage(2, "doc-onboarding", "Onboarding checklist",
            "Welcome aboard! Pick up your laptop on day one. Meet your team and read the handbook.",
            "https://wiki.example/onboarding");
    static final SourcePassage ANYORG_TEAM = new SourcePassage(1, "doc-anyorg-team", "AnyOrgApp project team",
            "The AnyOrgApp project team members are Mateo Jackson, Wang Xiulan and Paulo Santos.",
            "https://wiki.example/anyorg/team");

    private final ExtractiveAnswerer answerer = new ExtractiveAnswerer();

    private static AnswerRequest ask(String question, SourcePassage... passages) {
        return new AnswerRequest(question, List.of(), List.of(passages), false);
    }

    @Test
    void maryGetsTheAcmeMembersCitedFromTheTeamPageOnly() {
        Answer answer = answerer.generate(ask("Who are the project team members?", ACME_TEAM, ONBOARDING));

        assertThat(answer.grounded()).isTrue();
        assertThat(answer.text()).contains("Mary Major", "Martha Rivera", "John Doe").doesNotContain("laptop");
        assertThat(answer.text()).isEqualTo(ACME_MEMBERS + " [1]");
        assertThat(answer.citations()).extracting(Citation::citationNumber).containsOnly(1);
        Citation citation = answer.citations().get(0);
        assertThat(answer.text().substring(citation.beginOffset(), citation.endOffset())).isEqualTo(ACME_MEMBERS);
        assertThat(citation.snippetExcerpt()).isEqualTo(ACME_MEMBERS);
    }

    @Test
    void streamingEmitsEachQuotedSentenceWithItsMarkerAsItIsComposed() {
        SourcePassage travel = new SourcePassage(3, "d", "Travel", "Business class is allowed on long flights."
                + " Economy class is the default on short flights. Receipts for flights are due in 30 days.", "u");
        List<String> pieces = new ArrayList<>();
        Answer answer = answerer.generateStreaming(ask("Which class is allowed on flights?", travel), pieces::add);

        assertThat(pieces).hasSizeGreaterThan(1);
        assertThat(String.join("", pieces)).isEqualTo(answer.text());
        assertThat(pieces).allSatisfy(piece -> assertThat(piece).endsWith(" [3]"));
        assertThat(answer).isEqualTo(answerer.generate(ask("Which class is allowed on flights?", travel)));
    }

    @Test
    void streamingAnUnsupportedAnswerEmitsItOnce() {
        List<String> pieces = new ArrayList<>();
        Answer answer = answerer.generateStreaming(ask("What is the weather on Mars?", ONBOARDING), pieces::add);
        assertThat(pieces).containsExactly(ExtractiveAnswerer.NO_SOURCE);
        assertThat(answer.grounded()).isFalse();
    }

    @Test
    void mateoGetsAnyOrgAppMembersFromWhatHeMayRead() {
        Answer answer = answerer.generate(ask("who are the project team members?", ANYORG_TEAM, ONBOARDING));
        assertThat(answer.text()).contains("Mateo Jackson", "Wang Xiulan", "Paulo Santos").doesNotContain("Mary");
        assertThat(answer.citations()).extracting(Citation::citationNumber).containsExactly(1);
    }

    @Test
    void leadInAndBulletedNamesAreQuotedAsOneUnit() {
        SourcePassage page = new SourcePassage(4, "d", "ACME",
                "Status: on track.\nTeam members:\n- Mary Major\n- Martha Rivera\n- John Doe\nBudget: 2 M.", "u");
        Answer answer = answerer.generate(ask("Who are the team members?", page));
        String list = "Team members:\n- Mary Major\n- Martha Rivera\n- John Doe";
        assertThat(answer.text()).isEqualTo(list + " [4]");
        assertThat(answer.citations()).containsExactly(new Citation(4, 0, list.length(), list));
    }

    @Test
    void unsupportedQuestionIsSaidPlainlyWithoutCitations() {
        for (AnswerRequest request : List.of(
                ask("What is the vacation policy for contractors?", ACME_TEAM, ONBOARDING),
                ask("Who are the project team members?"),
                ask("  ?", ACME_TEAM),
                ask("Who is it?", ACME_TEAM))) {
            Answer answer = answerer.generate(request);
            assertThat(answer.grounded()).as(request.question()).isFalse();
            assertThat(answer.citations()).isEmpty();
            assertThat(answer.text()).isEqualTo(ExtractiveAnswerer.NO_SOURCE);
        }
    }

    @Test
    void aCommonWordAloneIsNotSupport() {
        // "team" appears in both passages; "budget" in none: the Tuesday sentence must not be offered.
        Answer answer = answerer.generate(ask("What is the team budget?", ACME_TEAM, ONBOARDING));
        assertThat(answer.grounded()).isFalse();
        assertThat(answer.citations()).isEmpty();
    }

    @Test
    void generalKnowledgeModeStillSaysThereIsNoSource() {
        Answer answer = answerer.generate(new AnswerRequest("What is the capital of France?", List.of(),
                List.of(ACME_TEAM), true));
        assertThat(answer.grounded()).isFalse();
        assertThat(answer.citations()).isEmpty();
        assertThat(answer.text()).isEqualTo(ExtractiveAnswerer.NO_SOURCE_NO_KNOWLEDGE).contains("no other source");
    }

    @Test
    void citationNumbersAreExactlyThePassagesUsed() {
        SourcePassage meetings = new SourcePassage(7, "m", "ACME meetings",
                "ACME project team meetings happen every Tuesday in room 4.", "u7");
        SourcePassage unrelated = new SourcePassage(9, "x", "Cafeteria", "Lunch is served from noon.", "u9");
        Answer answer = answerer.generate(ask("When does the ACME project team meet?", unrelated, meetings, ACME_TEAM));
        assertThat(answer.grounded()).isTrue();
        List<Integer> cited = answer.citations().stream().map(Citation::citationNumber).distinct().toList();
        assertThat(cited).contains(7).doesNotContain(9);
        for (Citation citation : answer.citations()) {
            assertThat(answer.text()).contains(answer.text().substring(citation.beginOffset(), citation.endOffset())
                    + " [" + citation.citationNumber() + "]");
        }
        // every marker in the text has a citation and vice versa
        List<Integer> markers = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(answer.text());
        while (m.find()) {
            markers.add(Integer.parseInt(m.group(1)));
        }
        assertThat(markers).containsExactlyElementsOf(answer.citations().stream().map(Citation::citationNumber).toList());
    }

    @Test
    void nearDuplicatesFromOverlappingChunksAreQuotedOnce() {
        SourcePassage first = new SourcePassage(1, "d", "ACME team", ACME_MEMBERS + " Mary leads the team.", "u");
        SourcePassage overlap = new SourcePassage(2, "d", "ACME team", ACME_MEMBERS, "u");
        Answer answer = answerer.generate(ask("Who are the ACME project team members?", first, overlap));
        assertThat(answer.text().split("Mary Major", -1)).hasSize(2);
        assertThat(answer.citations()).extracting(Citation::citationNumber).containsExactly(1);
    }

    @Test
    void higherRankedPassageWinsATie() {
        SourcePassage a = new SourcePassage(3, "a", "Notes", "The rocket launch is on Friday.", "ua");
        SourcePassage b = new SourcePassage(5, "b", "Notes", "The rocket launch is on Monday.", "ub");
        Answer answer = answerer.generate(ask("When is the rocket launch?", a, b));
        assertThat(answer.citations().get(0).citationNumber()).isEqualTo(3);
        assertThat(answerer.generate(ask("When is the rocket launch?", b, a)).citations().get(0).citationNumber())
                .isEqualTo(5);
    }

    @Test
    void answerStaysShort() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            text.append("The ACME rocket team tested engine ").append(i).append(" with good results on day ").append(i).append(". ");
        }
        Answer answer = answerer.generate(ask("How did the ACME rocket engine tests go?",
                new SourcePassage(1, "d", "Tests", text.toString(), "u")));
        assertThat(answer.citations()).hasSizeBetween(1, ExtractiveAnswerer.DEFAULT_MAX_SENTENCES);
        int quoted = answer.citations().stream().mapToInt(c -> c.endOffset() - c.beginOffset()).sum();
        assertThat(quoted).isLessThanOrEqualTo(ExtractiveAnswerer.DEFAULT_MAX_CHARS);
    }

    @Test
    void giantSentenceIsShortenedButStillQuotedVerbatim() {
        String giant = "The ACME members are " + "Mary Major and Martha Rivera and John Doe and ".repeat(60) + "Ann.";
        SourcePassage page = new SourcePassage(1, "d", "ACME", giant, "u");
        Answer answer = answerer.generate(ask("Who are the ACME members?", page));
        Citation citation = answer.citations().get(0);
        assertThat(citation.endOffset() - citation.beginOffset()).isLessThanOrEqualTo(2 * ExtractiveAnswerer.DEFAULT_MAX_CHARS);
        assertThat(giant).startsWith(citation.snippetExcerpt());
        assertThat(answer.text().substring(citation.beginOffset(), citation.endOffset())).isEqualTo(citation.snippetExcerpt());
    }

    @Test
    void followUpUsesTheEarlierQuestion() {
        SourcePassage emails = new SourcePassage(2, "e", "ACME contacts",
                "ACME team emails: mary@acme.example, martha@acme.example, john@acme.example.", "u");
        AnswerRequest request = new AnswerRequest("and their emails?",
                List.of(new ConversationTurn(Speaker.USER, "Who are the ACME project team members?"),
                        new ConversationTurn(Speaker.SYSTEM, ACME_MEMBERS + " [1]")),
                List.of(ONBOARDING, emails), false);
        Answer answer = answerer.generate(request);
        assertThat(answer.text()).contains("mary@acme.example");
        assertThat(answer.citations()).extracting(Citation::citationNumber).containsExactly(2);
    }

    @Test
    void isDeterministicAndNamed() {
        AnswerRequest request = ask("Who are the project team members?", ONBOARDING, ACME_TEAM);
        assertThat(answerer.generate(request)).isEqualTo(answerer.generate(request))
                .isEqualTo(new ExtractiveAnswerer().generate(request));
        assertThat(answerer.name()).isEqualTo("extractive");
    }
}
