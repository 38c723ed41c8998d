package dev.quire.core.secrets;

import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals secret values with AES-256-GCM under the {@link MasterKey}. Every seal draws a fresh
 * 96-bit nonce. The secret's ARN and the version id are bound as additional authenticated data,
 * so a sealed value copied into another secret or version fails to open instead of being served.
 *
 * <p>Stored form: base64( format byte 1 | 12-byte nonce | ciphertext and 128-bit tag ).
 */
public final class SecretCipher {
    static final String DECRYPTION_FAILED =
            "Secrets Manager can't decrypt the protected secret text using the provided KMS key.";
    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] AAD_LABEL = "quire/secretsmanager/v1".getBytes(StandardCharsets.US_ASCII);

    private final MasterKey key;
    private final SecureRandom random;

    public SecretCipher(MasterKey key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    public String seal(SecretValue value, String arn, String versionId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] plain = value.encode();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(arn, versionId));
            byte[] sealed = cipher.doFinal(plain);
            ByteBuffer out = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length);
            out.put(FORMAT).put(nonce).put(sealed);
            return Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            // The message of a JCE failure says nothing about the plaintext; keep only the type.
            throw new IllegalStateException("could not encrypt a secret value: " + e.getClass().getSimpleName());
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Opens a sealed value; {@code DecryptionFailure} for a wrong key, a tampered value or a moved one. */
    public SecretValue open(String sealed, String arn, String versionId) {
        byte[] plain = null;
        try {
            byte[] raw = Base64.getDecoder().decode(sealed);
            if (raw.length < 1 + NONCE_BYTES + TAG_BITS / 8 || raw[0] != FORMAT) {
                throw failure();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, raw, 1, NONCE_BYTES));
            cipher.updateAAD(aad(arn, versionId));
            plain = cipher.doFinal(raw, 1 + NONCE_BYTES, raw.length - 1 - NONCE_BYTES);
            return SecretValue.decode(plain);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw failure();
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private static ApiError failure() {
        return new ApiError(ErrorCode.SM_DECRYPTION_FAILURE, DECRYPTION_FAILED);
    }

    /** Label, then each part length-prefixed: no two (arn, versionId) pairs give the same bytes. */
    static byte[] aad(String arn, String versionId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(AAD_LABEL);
        for (String part : new String[] {arn, versionId}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "SecretCipher[" + key + "]";
    }
}
