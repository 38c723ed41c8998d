package dev.quire.core.qbusiness.tags;

/** A resource tag (key 1–128 characters, value 0–256). */
public record Tag(String key, String value) {
}
