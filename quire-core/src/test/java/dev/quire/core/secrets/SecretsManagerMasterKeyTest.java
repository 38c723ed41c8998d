package dev.quire.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsManagerMasterKeyTest {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:k-AbC123";
    private static final String VERSION = "0b6f4b3e-5c2f-4a39-9a55-3e2f3c1d9a01";

    @TempDir
    Path dir;

    @Test
    void theKeyFileIsCreatedOnceWith32RandomBytesAndReusedAfterwards() throws Exception {
        MasterKey first = MasterKey.load(null, dir);
        Path file = dir.resolve(MasterKey.FILE_NAME);
        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
        String before = Files.readString(file);

        MasterKey second = MasterKey.load("", dir);
        assertThat(Files.readString(file)).isEqualTo(before);
        String sealed = new SecretCipher(first, new SecureRandom()).seal(SecretValue.ofString("v"), ARN, VERSION);
        assertThat(new SecretCipher(second, new SecureRandom()).open(sealed, ARN, VERSION).string()).isEqualTo("v");
        assertThat(second.source()).isEqualTo(file.toString());
    }

    @Test
    void theKeyFileIsReadableByItsOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        MasterKey.load(null, dir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(MasterKey.FILE_NAME))))
                .isEqualTo("rw-------");
    }

    @Test
    void theEnvironmentVariableWinsAndNoFileIsWritten() {
        byte[] raw = new byte[32];
        raw[0] = 42;
        MasterKey fromEnv = MasterKey.load(Base64.getEncoder().encodeToString(raw), dir);
        assertThat(fromEnv.source()).isEqualTo(MasterKey.ENVIRONMENT_VARIABLE);
        assertThat(dir.resolve(MasterKey.FILE_NAME)).doesNotExist();
        String sealed = new SecretCipher(fromEnv, new SecureRandom()).seal(SecretValue.ofString("v"), ARN, VERSION);
        assertThat(new SecretCipher(MasterKey.of(raw), new SecureRandom()).open(sealed, ARN, VERSION).string())
                .isEqualTo("v");
    }

    @Test
    void aMalformedKeyIsRefusedWithoutEchoingIt() {
        String shortKey = Base64.getEncoder().encodeToString("sixteen-byte-key".getBytes());
        assertThatThrownBy(() -> MasterKey.load(shortKey, dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> MasterKey.load("%%not-base64%%", dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("%%not-base64%%");
    }

    @Test
    void aCorruptKeyFileStopsStartupRatherThanMintingANewKey() throws Exception {
        Files.writeString(dir.resolve(MasterKey.FILE_NAME), "garbage");
        assertThatThrownBy(() -> MasterKey.load(null, dir)).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(dir.resolve(MasterKey.FILE_NAME))).isEqualTo("garbage");
    }
}
