package dev.quire.extract.tika;

import dev.quire.spi.extract.ExtractedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads Tika's XHTML stream into sections under their headings (h1–h6), skipping script/style,
 * so each chunk later knows the section path it came from.
 */
final class SectionCollector extends DefaultHandler {
    private final List<ExtractedText.Section> sections = new ArrayList<>();
    private final String[] headings = new String[6];
    private final StringBuilder text = new StringBuilder();
    private StringBuilder heading;
    private int headingLevel;
    private int skipDepth;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        String name = localName.toLowerCase(Locale.ROOT);
        if (name.equals("script") || name.equals("style") || name.equals("title")) {
            skipDepth++;
            return;
        }
        int level = headingLevel(name);
        if (level > 0) {
            flush();
            heading = new StringBuilder();
            headingLevel = level;
        } else if (isBlock(name)) {
            separate();
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = localName.toLowerCase(Locale.ROOT);
        if (name.equals("script") || name.equals("style") || name.equals("title")) {
            skipDepth--;
            return;
        }
        if (heading != null && headingLevel(name) == headingLevel) {
            headings[headingLevel - 1] = collapse(heading.toString());
            for (int i = headingLevel; i < headings.length; i++) {
                headings[i] = null;
            }
            heading = null;
        } else if (isBlock(name)) {
            separate();
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (skipDepth > 0) {
            return;
        }
        (heading != null ? heading : text).append(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        characters(ch, start, length);
    }

    List<ExtractedText.Section> sections() {
        flush();
        return List.copyOf(sections);
    }

    private void flush() {
        String body = text.toString().replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll("\\n\\s*\\n+", "\n\n").trim();
        text.setLength(0);
        if (!body.isEmpty()) {
            List<String> path = new ArrayList<>();
            for (String h : headings) {
                if (h != null && !h.isEmpty()) {
                    path.add(h);
                }
            }
            sections.add(new ExtractedText.Section(path, body));
        }
    }

    private void separate() {
        if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
            text.append("\n\n");
        }
    }

    private static String collapse(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    private static int headingLevel(String name) {
        return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6'
                ? name.charAt(1) - '0' : 0;
    }

    private static boolean isBlock(String name) {
        return switch (name) {
            case "p", "div", "li", "tr", "br", "table", "ul", "ol", "pre", "blockquote", "section", "article" -> true;
            default -> false;
        };
    }
}
