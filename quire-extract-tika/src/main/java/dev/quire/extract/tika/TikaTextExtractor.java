package dev.quire.extract.tika;

import dev.quire.spi.extract.ExtractedText;
import dev.quire.spi.extract.ExtractionException;
import dev.quire.spi.extract.TextExtractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.SAXException;

/**
 * Text extraction for every Q Business content type with Apache Tika (PDF, Word, PowerPoint,
 * Excel, HTML, RTF, XML, CSV, JSON, plain text); Markdown is split by its own headings.
 * Extraction is bounded ({@link #MAX_CHARS}) so a hostile document cannot exhaust memory.
 */
public final class TikaTextExtractor implements TextExtractor {
    static final int MAX_CHARS = 20_000_000;
    private static final Map<String, String> MIME_HINTS = Map.ofEntries(
            Map.entry("PDF", "application/pdf"),
            Map.entry("HTML", "text/html"),
            Map.entry("XML", "application/xml"),
            Map.entry("XSLT", "application/xslt+xml"),
            Map.entry("CSV", "text/csv"),
            Map.entry("JSON", "application/json"),
            Map.entry("PLAIN_TEXT", "text/plain"),
            Map.entry("RTF", "application/rtf"));
    private final AutoDetectParser parser = new AutoDetectParser();

    @Override
    public ExtractedText extract(byte[] content, String contentType, String fileName) throws ExtractionException {
        if (content.length == 0) {
            throw new ExtractionException("The document is empty.");
        }
        if ("MD".equals(contentType) || (contentType == null && fileName != null && fileName.toLowerCase().endsWith(".md"))) {
            return MarkdownSections.parse(new String(content, StandardCharsets.UTF_8));
        }
        Metadata metadata = new Metadata();
        if (contentType != null && MIME_HINTS.containsKey(contentType)) {
            metadata.set(Metadata.CONTENT_TYPE, MIME_HINTS.get(contentType));
        }
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        SectionCollector sections = new SectionCollector();
        LimitedHandler handler = new LimitedHandler(sections);
        try (ByteArrayInputStream in = new ByteArrayInputStream(content)) {
            parser.parse(in, handler, metadata, new ParseContext());
        } catch (WriteLimitReachedException e) {
            throw new ExtractionException("The document has more than " + MAX_CHARS + " characters of text.");
        } catch (IOException | SAXException | TikaException | RuntimeException e) {
            throw new ExtractionException("The " + (contentType == null ? "document" : contentType)
                    + " content could not be read: " + rootMessage(e), e);
        }
        List<ExtractedText.Section> found = sections.sections();
        if (found.isEmpty()) {
            throw new ExtractionException("No text could be extracted from the document.");
        }
        String title = metadata.get(TikaCoreProperties.TITLE);
        return new ExtractedText(title == null || title.isBlank() ? null : title.trim(), found);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Counts characters and stops the parse past the limit. */
    private static final class LimitedHandler extends ContentHandlerDecorator {
        private long seen;

        LimitedHandler(SectionCollector delegate) {
            super(delegate);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            seen += length;
            if (seen > MAX_CHARS) {
                throw new WriteLimitReachedException(MAX_CHARS);
            }
            super.characters(ch, start, length);
        }
    }

}
