package dev.quire.core.ingest;

import java.util.List;

/**
 * A piece of one section of a document, the unit that is embedded, indexed and cited.
 *
 * @param ordinal     position of the chunk in its document, from 0
 * @param title       the document's title ("" when it has none)
 * @param sectionPath the headings above the chunk, outermost first
 * @param text        the chunk's text exactly as in the section, so snippets and citations quote it
 */
public record Chunk(int ordinal, String title, List<String> sectionPath, String text) {
    public Chunk {
        if (ordinal < 0) {
            throw new IllegalArgumentException("ordinal must be >= 0");
        }
        title = title == null ? "" : title;
        sectionPath = List.copyOf(sectionPath);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a chunk needs text");
        }
    }

    /**
     * The text to embed and to index for BM25: "Title > Heading > Subheading" on the first line,
     * then the text. Headings often carry the words a question uses while the body does not (a
     * page "ACME project team" whose body is only a list of names), so retrieval must see them;
     * they are kept out of {@link #text()} so that what is shown and cited stays verbatim.
     */
    public String searchText() {
        String heading = heading();
        return heading.isEmpty() ? text : heading + "\n" + text;
    }

    /** "Title > Heading > Subheading", skipping blanks and a first heading that repeats the title. */
    public String heading() {
        StringBuilder out = new StringBuilder(title.strip());
        for (int i = 0; i < sectionPath.size(); i++) {
            String part = sectionPath.get(i).strip();
            if (part.isEmpty() || (i == 0 && part.equalsIgnoreCase(title.strip()))) {
                continue;
            }
            if (out.length() > 0) {
                out.append(" > ");
            }
            out.append(part);
        }
        return out.toString();
    }
}
