package dev.quire.spi.extract;

import java.util.List;

/**
 * Text taken out of a document, as sections under headings (so chunks can keep their section
 * path). {@code title} is the document's own title when it has one, else null.
 */
public record ExtractedText(String title, List<Section> sections) {
    public ExtractedText {
        sections = List.copyOf(sections);
    }

    /** @param headingPath the headings above this text, outermost first */
    public record Section(List<String> headingPath, String text) {
        public Section {
            headingPath = List.copyOf(headingPath);
        }
    }
}
