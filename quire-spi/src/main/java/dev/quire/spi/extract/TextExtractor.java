package dev.quire.spi.extract;

/** Extracts text from document bytes; fails with {@link ExtractionException} saying why. */
public interface TextExtractor {
    /**
     * @param contentType the Q Business ContentType (PDF, HTML, MS_WORD, PLAIN_TEXT, PPT, RTF,
     *                    XML, XSLT, MS_EXCEL, CSV, JSON, MD) or null to detect
     */
    ExtractedText extract(byte[] content, String contentType, String fileName) throws ExtractionException;
}
