package dev.quire.core.chat.answer;

import dev.quire.core.ingest.Sentence;
import dev.quire.core.ingest.SentenceSplitter;
import dev.quire.spi.answer.Answer;
import dev.quire.spi.answer.AnswerGenerator;
import dev.quire.spi.answer.AnswerRequest;
import dev.quire.spi.answer.Citation;
import dev.quire.spi.answer.SourcePassage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The offline answer generator: no model, so it cannot invent anything. It quotes the passage
 * sentences that best match the question, each followed by "[n]" naming its passage, and cites
 * each quoted sentence at its exact offsets. When no sentence matches enough of the question it
 * says so plainly and cites nothing.
 */
public final class ExtractiveAnswerer implements AnswerGenerator {
    public static final String NO_SOURCE =
            "I couldn't find information about that in the content you have access to.";
    public static final String NO_SOURCE_NO_KNOWLEDGE = NO_SOURCE
            + " I can only answer from that content and have no other source of knowledge.";
    public static final int DEFAULT_MAX_SENTENCES = 3;
    public static final int DEFAULT_MAX_CHARS = 600;

    private final int maxSentences;
    private final int maxChars;
    private final QueryRewriter rewriter = new QueryRewriter();

    public ExtractiveAnswerer() {
        this(DEFAULT_MAX_SENTENCES, DEFAULT_MAX_CHARS);
    }

    /** @param maxChars budget for the quoted sentences, markers not counted; the best one always fits */
    public ExtractiveAnswerer(int maxSentences, int maxChars) {
        if (maxSentences < 1 || maxChars < 1) {
            throw new IllegalArgumentException("maxSentences and maxChars must be positive");
        }
        this.maxSentences = maxSentences;
        this.maxChars = maxChars;
    }

    @Override
    public String name() {
        return "extractive";
    }

    @Override
    public Answer generate(AnswerRequest request) {
        return generateStreaming(request, text -> { });
    }

    /** Emits each quoted sentence, with its separator before and its marker after, as it is composed. */
    @Override
    public Answer generateStreaming(AnswerRequest request, Consumer<String> onText) {
        List<SourcePassage> passages = request.passages();
        Map<String, Double> question = questionWeights(request);
        List<SentenceScorer.Candidate> chosen = passages.isEmpty() || question.isEmpty() ? List.of()
                : choose(new SentenceScorer(question, passages).candidates(passageUnits(passages)));
        Answer answer = chosen.isEmpty() ? unsupported(request) : compose(chosen, onText);
        if (chosen.isEmpty()) {
            onText.accept(answer.text());
        }
        return answer;
    }

    /** Terms of the question weigh 1; terms carried over from earlier turns of a follow-up weigh 1/2. */
    private Map<String, Double> questionWeights(AnswerRequest request) {
        String question = request.question() == null ? "" : request.question();
        Map<String, Double> weights = new HashMap<>();
        for (String term : Terms.of(rewriter.retrievalQuery(question, request.history()))) {
            weights.put(term, 0.5);
        }
        for (String term : Terms.of(question)) {
            weights.put(term, 1.0);
        }
        return weights;
    }

    private static List<List<Sentence>> passageUnits(List<SourcePassage> passages) {
        SentenceSplitter splitter = new SentenceSplitter();
        List<List<Sentence>> units = new ArrayList<>();
        for (SourcePassage passage : passages) {
            String text = passage.text() == null ? "" : passage.text();
            units.add(ListUnits.mergeLists(text, splitter.split(text)));
        }
        return units;
    }

    /**
     * The best candidate (a giant sentence shortened at whitespace), then, best first and within
     * the limits, those nearly as good that do not repeat what is already said.
     */
    private List<SentenceScorer.Candidate> choose(List<SentenceScorer.Candidate> candidates) {
        List<SentenceScorer.Candidate> chosen = new ArrayList<>();
        if (candidates.isEmpty()) {
            return chosen;
        }
        SentenceScorer.Candidate best = candidates.get(0);
        int used = 0;
        for (SentenceScorer.Candidate candidate : candidates) {
            if (chosen.size() == maxSentences) {
                break;
            }
            boolean first = chosen.isEmpty();
            if (!first && (candidate.score() < best.score() * SentenceScorer.RELATIVE_CUTOFF
                    || used + candidate.text().length() > maxChars
                    || chosen.stream().anyMatch(c -> c.nearDuplicateOf(candidate)))) {
                continue;
            }
            SentenceScorer.Candidate quoted = first ? candidate.shortenedTo(2 * maxChars) : candidate;
            chosen.add(quoted);
            used += quoted.text().length();
        }
        return chosen;
    }

    private static Answer compose(List<SentenceScorer.Candidate> chosen, Consumer<String> onText) {
        StringBuilder text = new StringBuilder();
        List<Citation> citations = new ArrayList<>();
        String previous = "";
        for (SentenceScorer.Candidate candidate : chosen) {
            int emitted = text.length();
            if (text.length() > 0) {
                text.append(previous.contains("\n") || candidate.text().contains("\n") ? "\n" : " ");
            }
            int begin = text.length();
            text.append(candidate.text());
            citations.add(new Citation(candidate.citationNumber(), begin, text.length(), candidate.text()));
            text.append(" [").append(candidate.citationNumber()).append(']');
            previous = candidate.text();
            onText.accept(text.substring(emitted));
        }
        return new Answer(text.toString(), citations, true);
    }

    private static Answer unsupported(AnswerRequest request) {
        return new Answer(request.allowGeneralKnowledge() ? NO_SOURCE_NO_KNOWLEDGE : NO_SOURCE, List.of(), false);
    }
}
