package dev.quire.identity.credentials;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals {@link SessionClaims} into an opaque session token with AES-256-GCM: the claims (secret
 * included) are unreadable and any change to a single bit makes the token worthless. The access
 * key id is bound as additional authenticated data, so a token cannot be paired with another key.
 *
 * <p>Layout: base64url( "Q1" | keyId length (1 byte) | keyId | 12-byte nonce | ciphertext+tag ).
 */
public final class SessionTokenCodec {
    private static final byte[] MAGIC = {'Q', '1'};
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** AWS session tokens are well below this; anything longer is not ours. */
    private static final int MAX_TOKEN_CHARS = 8192;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final Map<String, SecretKey> keys;
    private final String currentKeyId;
    private final SecureRandom random;

    public SessionTokenCodec(Map<String, SecretKey> keys, String currentKeyId, SecureRandom random) {
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("the current key id " + currentKeyId + " has no key");
        }
        this.keys = Map.copyOf(keys);
        this.currentKeyId = currentKeyId;
        this.random = random;
    }

    public String seal(SessionClaims claims) {
        try {
            byte[] kid = currentKeyId.getBytes(StandardCharsets.US_ASCII);
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(claims.accessKeyId(), kid));
            byte[] sealed = cipher.doFinal(JSON.writeValueAsBytes(claims));
            ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 1 + kid.length + nonce.length + sealed.length);
            out.put(MAGIC).put((byte) kid.length).put(kid).put(nonce).put(sealed);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("could not seal a session token", e);
        }
    }

    /**
     * Opens a token presented with {@code accessKeyId}. Empty for anything not sealed by one of
     * our keys for that access key id; never says why (no oracle for an attacker).
     */
    public Optional<SessionClaims> open(String token, String accessKeyId) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token));
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (magic[0] != MAGIC[0] || magic[1] != MAGIC[1]) {
                return Optional.empty();
            }
            byte[] kid = new byte[in.get() & 0xff];
            in.get(kid);
            SecretKey key = keys.get(new String(kid, StandardCharsets.US_ASCII));
            if (key == null) {
                return Optional.empty();
            }
            byte[] nonce = new byte[NONCE_BYTES];
            in.get(nonce);
            byte[] sealed = new byte[in.remaining()];
            in.get(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(accessKeyId, kid));
            SessionClaims claims = JSON.readValue(cipher.doFinal(sealed), SessionClaims.class);
            return claims.accessKeyId().equals(accessKeyId) ? Optional.of(claims) : Optional.empty();
        } catch (GeneralSecurityException | RuntimeException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] aad(String accessKeyId, byte[] kid) {
        byte[] id = accessKeyId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(id.length + 1 + kid.length).put(id).put((byte) 0).put(kid).array();
    }
}
