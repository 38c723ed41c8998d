package dev.quire.identity.credentials;

import java.security.SecureRandom;
import java.util.Objects;

/** The account's long-term administrator keys (the equivalent of AWS root access keys). */
public record RootCredentials(String accessKeyId, String secretAccessKey) {
    private static final String KEY_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public RootCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (accessKeyId.isBlank() || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("root access key id and secret must not be blank");
        }
    }

    /** New random keys shaped like AWS's: {@code AKIA} + 16 characters, and a 40-character secret. */
    public static RootCredentials generate(SecureRandom random) {
        return new RootCredentials("AKIA" + randomString(random, KEY_ID_ALPHABET, 16),
                randomString(random, SECRET_ALPHABET, 40));
    }

    private static String randomString(SecureRandom random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "RootCredentials[" + accessKeyId + ", secret hidden]";
    }
}
