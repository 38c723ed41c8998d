package dev.quire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.core.secrets.MasterKey;
import dev.quire.core.secrets.NewSecret;
import dev.quire.core.secrets.SecretValue;
import dev.quire.core.secrets.Secrets;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.store.jdbc.JdbcMetadataStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How Quire's own code reads a secret it was given by ARN (the OIDC web experience's secretsArn). */
class SecretsManagerInternalReadTest {
    @TempDir
    Path dataDir;

    @Test
    void currentValueFollowsTheArnsRegionAndRefusesOtherArns() {
        try (JdbcMetadataStore store = JdbcMetadataStore.openEmbedded(dataDir)) {
            Secrets secrets = new Secrets(store, MasterKey.load(null, dataDir), Clock.systemUTC(), "123456789012");
            String json = "{\"client_secret\":\"abc\"}";
            String arn = secrets.create("us-west-2", new NewSecret("oidc", null, null, null,
                    SecretValue.ofString(json), List.of())).arn();

            assertThat(secrets.currentValue(arn).value().string()).isEqualTo(json);
            assertThatThrownBy(() -> secrets.currentValue("oidc"))
                    .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SM_INVALID_PARAMETER));
            assertThatThrownBy(() -> secrets.currentValue(arn.replace("us-west-2", "us-east-1")))
                    .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SM_RESOURCE_NOT_FOUND));
        }
    }
}
