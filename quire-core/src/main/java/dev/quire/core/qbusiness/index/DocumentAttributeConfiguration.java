package dev.quire.core.qbusiness.index;

/** A document attribute of an index: type STRING, STRING_LIST, NUMBER or DATE; search ENABLED or DISABLED. */
public record DocumentAttributeConfiguration(String name, String type, String search) {
}
