package dev.quire.core.chat;

import dev.quire.spi.answer.Answer;
import dev.quire.spi.answer.Citation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Source attributions for the sources an answer actually cites, in order of first citation:
 * the snippet is the cited excerpt(s), and each citation becomes a text segment. A source that
 * was retrieved but not cited is not attributed (it may be irrelevant; naming it says nothing true).
 */
final class Attributions {
    private Attributions() {
    }

    static List<SourceAttribution> of(Answer answer, List<Passages.Source> sources) {
        Map<Integer, Passages.Source> byNumber = new LinkedHashMap<>();
        sources.forEach(s -> byNumber.put(s.number(), s));
        Map<Integer, List<Citation>> cited = new LinkedHashMap<>();
        for (Citation c : answer.citations()) {
            if (byNumber.containsKey(c.citationNumber())) {
                cited.computeIfAbsent(c.citationNumber(), n -> new ArrayList<>()).add(c);
            }
        }
        List<SourceAttribution> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Citation>> e : cited.entrySet()) {
            Passages.Source s = byNumber.get(e.getKey());
            List<TextSegment> segments = new ArrayList<>();
            List<String> excerpts = new ArrayList<>();
            for (Citation c : e.getValue()) {
                segments.add(new TextSegment(c.beginOffset(), c.endOffset(), c.snippetExcerpt()));
                if (c.snippetExcerpt() != null && !excerpts.contains(c.snippetExcerpt())) {
                    excerpts.add(c.snippetExcerpt());
                }
            }
            out.add(new SourceAttribution(s.title(), String.join(" … ", excerpts), s.url(), s.number(), s.updatedAt(),
                    s.documentId(), s.indexId(), s.dataSourceId(), segments));
        }
        return out;
    }
}
