package dev.quire.identity.iam;

import java.security.SecureRandom;

/** Unique ids in IAM's shape: a four-letter type prefix and 17 uppercase alphanumerics. */
final class IamIds {
    static final String ROLE_PREFIX = "AROA";
    static final String POLICY_PREFIX = "ANPA";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private IamIds() {
    }

    static String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 17; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
