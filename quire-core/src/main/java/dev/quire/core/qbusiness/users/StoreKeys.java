package dev.quire.core.qbusiness.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How user-store names become metadata-store keys. Ids of the store are at most 512 characters
 * while user ids may have 2,048 and group names 1,024, so names are keyed by their SHA-256.
 */
public final class StoreKeys {
    private StoreKeys() {
    }

    /**
     * The comparison form of a user id: lower-cased (Locale.ROOT), because Amazon Q Business
     * compares email addresses case-insensitively. Sub-addresses (a+b@x) are NOT folded.
     */
    public static String userKey(String userId) {
        return userId.toLowerCase(Locale.ROOT);
    }

    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
