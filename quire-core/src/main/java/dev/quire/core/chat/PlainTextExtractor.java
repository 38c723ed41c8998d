package dev.quire.core.chat;

import dev.quire.spi.extract.ExtractedText;
import dev.quire.spi.extract.TextExtractor;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads bytes as UTF-8 text, one section: enough for plain-text attachments and the leak check. */
public final class PlainTextExtractor implements TextExtractor {
    @Override
    public ExtractedText extract(byte[] content, String contentType, String fileName) {
        return new ExtractedText(null, List.of(new ExtractedText.Section(List.of(),
                new String(content, StandardCharsets.UTF_8))));
    }
}
