package dev.quire.spi.answer;

/**
 * A passage the caller may read, offered to the answer generator. Generators see nothing else:
 * the ACL was applied before this object existed.
 *
 * @param citationNumber the number the answer uses to cite this passage, from 1
 */
public record SourcePassage(int citationNumber, String documentId, String title, String text, String sourceUri) {
}
