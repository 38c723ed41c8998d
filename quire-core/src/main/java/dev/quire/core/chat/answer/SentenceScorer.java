package dev.quire.core.chat.answer;

import dev.quire.core.ingest.Sentence;
import dev.quire.spi.answer.SourcePassage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores passage sentences against the question: the question terms a sentence contains, each
 * weighted by its rarity among the offered passages (a BM25-style IDF), a little credit when the
 * passage title names the topic, and less the lower the passage was ranked. A sentence that
 * shares no term, or covers too little of the question, is not a candidate at all.
 */
final class SentenceScorer {
    /** Further sentences must score at least this share of the best one. */
    static final double RELATIVE_CUTOFF = 0.6;
    /** Share of the question's (weighted) terms a sentence must cover to support an answer. */
    static final double MIN_COVERAGE = 0.25;
    private static final double RANK_DECAY = 0.15;
    private static final double TITLE_WEIGHT = 0.5;
    private static final double NEAR_DUPLICATE = 0.7;

    /** A sentence that may be quoted: verbatim {@code text} at {@code begin} in its passage. */
    record Candidate(int citationNumber, int passageIndex, int begin, String text, Set<String> terms, double score) {
        boolean nearDuplicateOf(Candidate other) {
            Set<String> union = new HashSet<>(terms);
            union.addAll(other.terms);
            Set<String> common = new HashSet<>(terms);
            common.retainAll(other.terms);
            return text.equalsIgnoreCase(other.text) || (!union.isEmpty() && common.size() >= NEAR_DUPLICATE * union.size());
        }

        /** This sentence cut at whitespace to at most {@code maxChars} (still verbatim), if longer. */
        Candidate shortenedTo(int maxChars) {
            if (text.length() <= maxChars) {
                return this;
            }
            int cut = maxChars;
            while (cut > 0 && !Character.isWhitespace(text.charAt(cut))) {
                cut--;
            }
            String kept = (cut == 0 ? text.substring(0, maxChars) : text.substring(0, cut)).stripTrailing();
            if (Character.isHighSurrogate(kept.charAt(kept.length() - 1))) {
                kept = kept.substring(0, kept.length() - 1);
            }
            return new Candidate(citationNumber, passageIndex, begin, kept, terms, score);
        }
    }

    private final Map<String, Double> question;
    private final List<SourcePassage> passages;
    private final List<Set<String>> titleTerms = new ArrayList<>();
    private final Map<String, Double> idf = new HashMap<>();
    private final double questionWeight;

    SentenceScorer(Map<String, Double> question, List<SourcePassage> passages) {
        this.question = question;
        this.passages = passages;
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (SourcePassage passage : passages) {
            Set<String> title = Terms.of(passage.title() == null ? "" : passage.title());
            titleTerms.add(title);
            Set<String> all = new HashSet<>(title);
            all.addAll(Terms.of(passage.text() == null ? "" : passage.text()));
            for (String term : all) {
                documentFrequency.merge(term, 1, Integer::sum);
            }
        }
        double n = passages.size();
        double total = 0;
        for (Map.Entry<String, Double> term : question.entrySet()) {
            double df = documentFrequency.getOrDefault(term.getKey(), 0);
            double weight = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            idf.put(term.getKey(), weight);
            total += term.getValue() * weight;
        }
        this.questionWeight = total;
    }

    /** Candidates best first; ties go to the higher-ranked passage, then the earlier sentence. */
    List<Candidate> candidates(List<List<Sentence>> unitsPerPassage) {
        List<Candidate> candidates = new ArrayList<>();
        for (int p = 0; p < passages.size(); p++) {
            for (Sentence unit : unitsPerPassage.get(p)) {
                Candidate candidate = score(p, unit);
                if (candidate != null) {
                    candidates.add(candidate);
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparingInt(Candidate::passageIndex)
                .thenComparingInt(Candidate::begin));
        return candidates;
    }

    private Candidate score(int passageIndex, Sentence unit) {
        Set<String> terms = Terms.of(unit.text());
        double own = 0;
        double fromTitle = 0;
        for (Map.Entry<String, Double> term : question.entrySet()) {
            double weight = term.getValue() * idf.get(term.getKey());
            if (terms.contains(term.getKey())) {
                own += weight;
            } else if (titleTerms.get(passageIndex).contains(term.getKey())) {
                fromTitle += weight;
            }
        }
        double matched = own + TITLE_WEIGHT * fromTitle;
        if (own <= 0 || questionWeight <= 0 || matched / questionWeight < MIN_COVERAGE) {
            return null;
        }
        double score = matched / (1 + RANK_DECAY * passageIndex);
        return new Candidate(passages.get(passageIndex).citationNumber(), passageIndex, unit.begin(), unit.text(),
                terms, score);
    }
}
