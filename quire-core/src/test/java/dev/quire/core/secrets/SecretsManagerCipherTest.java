package dev.quire.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretsManagerCipherTest {
    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:oidc-AbC123";
    private static final String VERSION = "0b6f4b3e-5c2f-4a39-9a55-3e2f3c1d9a01";
    private static final String PLAIN = "{\"client_secret\":\"s3cr3t-value-for-cipher-test\"}";

    private final SecretCipher cipher = new SecretCipher(key(1), new SecureRandom());

    @Test
    void aStringAndABinaryValueComeBackAsTheyWent() {
        SecretValue text = cipher.open(cipher.seal(SecretValue.ofString(PLAIN), ARN, VERSION), ARN, VERSION);
        assertThat(text.isString()).isTrue();
        assertThat(text.string()).isEqualTo(PLAIN);

        byte[] bytes = {0, 1, 2, (byte) 0xff};
        SecretValue binary = cipher.open(cipher.seal(SecretValue.ofBinary(bytes), ARN, VERSION), ARN, VERSION);
        assertThat(binary.isString()).isFalse();
        assertThat(binary.binary()).containsExactly(bytes);
    }

    @Test
    void everySealUsesAFreshNonceAndHidesThePlaintext() {
        String first = cipher.seal(SecretValue.ofString(PLAIN), ARN, VERSION);
        String second = cipher.seal(SecretValue.ofString(PLAIN), ARN, VERSION);
        assertThat(first).isNotEqualTo(second);
        assertThat(Base64.getDecoder().decode(first)).isNotEmpty();
        assertThat(new String(Base64.getDecoder().decode(first), StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t");
        assertThat(first).doesNotContain("s3cr3t");
    }

    @Test
    void aValueMovedToAnotherSecretOrVersionDoesNotOpen() {
        String sealed = cipher.seal(SecretValue.ofString(PLAIN), ARN, VERSION);
        assertDecryptionFailure(() -> cipher.open(sealed, ARN.replace("oidc-AbC123", "other-XyZ789"), VERSION));
        assertDecryptionFailure(() -> cipher.open(sealed, ARN, "1b6f4b3e-5c2f-4a39-9a55-3e2f3c1d9a01"));
        assertThat(cipher.open(sealed, ARN, VERSION).string()).isEqualTo(PLAIN);
    }

    @Test
    void anotherMasterKeyFailsWithDecryptionFailureNotGarbage() {
        String sealed = cipher.seal(SecretValue.ofString(PLAIN), ARN, VERSION);
        SecretCipher other = new SecretCipher(key(2), new SecureRandom());
        assertDecryptionFailure(() -> other.open(sealed, ARN, VERSION));
    }

    @Test
    void aTamperedOrMalformedValueFailsWithDecryptionFailure() {
        byte[] raw = Base64.getDecoder().decode(cipher.seal(SecretValue.ofString(PLAIN), ARN, VERSION));
        raw[raw.length / 2] ^= 1;
        String tampered = Base64.getEncoder().encodeToString(raw);
        assertDecryptionFailure(() -> cipher.open(tampered, ARN, VERSION));
        assertDecryptionFailure(() -> cipher.open("not base64 !", ARN, VERSION));
        assertDecryptionFailure(() -> cipher.open(Base64.getEncoder().encodeToString(new byte[5]), ARN, VERSION));
    }

    @Test
    void theBoundDataIsUnambiguous() {
        assertThat(SecretCipher.aad("ab", "c")).isNotEqualTo(SecretCipher.aad("a", "bc"));
    }

    @Test
    void valuesAndKeysNeverPrintThemselves() {
        assertThat(SecretValue.ofString(PLAIN).toString()).doesNotContain("s3cr3t").contains("redacted");
        assertThat(new NewSecret("n", null, null, null, SecretValue.ofString(PLAIN), null).toString())
                .doesNotContain("s3cr3t");
        assertThat(key(7).toString()).doesNotContain(Base64.getEncoder().encodeToString(raw(7)));
    }

    @Test
    void sameAsComparesTypeAndContent() {
        assertThat(SecretValue.ofString("abc").sameAs(SecretValue.ofString("abc"))).isTrue();
        assertThat(SecretValue.ofString("abc").sameAs(SecretValue.ofString("abd"))).isFalse();
        assertThat(SecretValue.ofString("abc").sameAs(SecretValue.ofBinary("abc".getBytes(StandardCharsets.UTF_8))))
                .isFalse();
    }

    private static void assertDecryptionFailure(Runnable open) {
        assertThatThrownBy(open::run).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.SM_DECRYPTION_FAILURE);
            assertThat(e.getMessage()).doesNotContain("s3cr3t");
        });
    }

    static MasterKey key(int seed) {
        return MasterKey.of(raw(seed));
    }

    private static byte[] raw(int seed) {
        byte[] raw = new byte[32];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (seed * 31 + i);
        }
        return raw;
    }
}
