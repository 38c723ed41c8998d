package dev.quire.core.secrets;

import java.util.Objects;

/** A secret's tag (Secrets Manager {@code Tag}: Key 1–128 characters, Value 0–256). */
public record SecretTag(String key, String value) {
    public SecretTag {
        Objects.requireNonNull(key, "key");
        value = value == null ? "" : value;
    }
}
