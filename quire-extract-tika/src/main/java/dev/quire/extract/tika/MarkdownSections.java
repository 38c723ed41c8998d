package dev.quire.extract.tika;

import dev.quire.spi.extract.ExtractedText;
import java.util.ArrayList;
import java.util.List;

/**
 * Markdown by its ATX headings ({@code #}…{@code ######}); Tika reads Markdown as plain text and
 * would lose the section structure. Fenced code is kept as text and never read as headings.
 */
final class MarkdownSections {
    private MarkdownSections() {
    }

    static ExtractedText parse(String markdown) {
        List<ExtractedText.Section> sections = new ArrayList<>();
        String[] headings = new String[6];
        String title = null;
        StringBuilder text = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.split("\\R", -1)) {
            if (line.trim().startsWith("```")) {
                fenced = !fenced;
            }
            int level = fenced ? 0 : headingLevel(line);
            if (level > 0) {
                add(sections, headings, text);
                String heading = line.substring(level).replaceAll("#+\\s*$", "").trim();
                headings[level - 1] = heading;
                for (int i = level; i < 6; i++) {
                    headings[i] = null;
                }
                if (level == 1 && title == null) {
                    title = heading;
                }
            } else {
                text.append(line).append('\n');
            }
        }
        add(sections, headings, text);
        return new ExtractedText(title, sections);
    }

    private static void add(List<ExtractedText.Section> sections, String[] headings, StringBuilder text) {
        String body = text.toString().trim();
        text.setLength(0);
        if (!body.isEmpty()) {
            List<String> path = new ArrayList<>();
            for (String h : headings) {
                if (h != null) {
                    path.add(h);
                }
            }
            sections.add(new ExtractedText.Section(path, body));
        }
    }

    private static int headingLevel(String line) {
        int n = 0;
        while (n < line.length() && n < 7 && line.charAt(n) == '#') {
            n++;
        }
        return n >= 1 && n <= 6 && line.length() > n && line.charAt(n) == ' ' ? n : 0;
    }
}
