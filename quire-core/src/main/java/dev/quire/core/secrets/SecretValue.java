package dev.quire.core.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A secret's protected value: either text ({@code SecretString}) or bytes ({@code SecretBinary}).
 * It never shows itself: {@link #toString} is redacted so a value cannot leak into a log line or
 * an exception message by accident.
 */
public final class SecretValue {
    static final byte STRING = 'S';
    static final byte BINARY = 'B';

    private final byte type;
    private final byte[] bytes;

    private SecretValue(byte type, byte[] bytes) {
        this.type = type;
        this.bytes = bytes;
    }

    public static SecretValue ofString(String value) {
        return new SecretValue(STRING, Objects.requireNonNull(value, "value").getBytes(StandardCharsets.UTF_8));
    }

    public static SecretValue ofBinary(byte[] value) {
        return new SecretValue(BINARY, Objects.requireNonNull(value, "value").clone());
    }

    public boolean isString() {
        return type == STRING;
    }

    /** The text of a string secret; {@link IllegalStateException} for a binary one. */
    public String string() {
        if (!isString()) {
            throw new IllegalStateException("this secret value is binary");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A copy of the bytes of a binary secret; {@link IllegalStateException} for a string one. */
    public byte[] binary() {
        if (isString()) {
            throw new IllegalStateException("this secret value is a string");
        }
        return bytes.clone();
    }

    /** Same type and same content, compared in constant time (no timing oracle on the value). */
    public boolean sameAs(SecretValue other) {
        return other != null && MessageDigest.isEqual(encode(), other.encode());
    }

    /** Type byte then content: what gets sealed, so a string can never be opened as a binary. */
    byte[] encode() {
        byte[] out = new byte[bytes.length + 1];
        out[0] = type;
        System.arraycopy(bytes, 0, out, 1, bytes.length);
        return out;
    }

    static SecretValue decode(byte[] encoded) {
        if (encoded.length < 1 || (encoded[0] != STRING && encoded[0] != BINARY)) {
            throw new IllegalArgumentException("not an encoded secret value");
        }
        return new SecretValue(encoded[0], Arrays.copyOfRange(encoded, 1, encoded.length));
    }

    int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretValue other && sameAs(other);
    }

    @Override
    public int hashCode() {
        return type;
    }

    @Override
    public String toString() {
        return "SecretValue[" + (isString() ? "string" : "binary") + ", redacted]";
    }
}
