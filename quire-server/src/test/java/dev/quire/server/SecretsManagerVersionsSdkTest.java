package dev.quire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.server.support.RunningQuire;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretResponse;

/** Versions and staging labels: PutSecretValue, UpdateSecret and reads by VersionId / VersionStage. */
class SecretsManagerVersionsSdkTest {
    @TempDir
    static Path dataDir;
    static RunningQuire quire;
    static SecretsManagerClient sm;

    @BeforeAll
    static void start() {
        quire = RunningQuire.h2(dataDir);
        sm = quire.secretsManager(quire.rootCredentials());
    }

    @AfterAll
    static void stop() {
        sm.close();
        quire.close();
    }

    @Test
    void aNewValueBecomesCurrentAndTheOldOnePrevious() {
        String v1 = sm.createSecret(r -> r.name("rotated").secretString("one")).versionId();
        PutSecretValueResponse put2 = sm.putSecretValue(r -> r.secretId("rotated").secretString("two"));
        assertThat(put2.versionStages()).containsExactly("AWSCURRENT");
        String v2 = put2.versionId();

        assertThat(sm.getSecretValue(r -> r.secretId("rotated")).secretString()).isEqualTo("two");
        assertThat(sm.getSecretValue(r -> r.secretId("rotated").versionStage("AWSPREVIOUS")).secretString())
                .isEqualTo("one");
        assertThat(sm.getSecretValue(r -> r.secretId("rotated").versionId(v1)).versionStages())
                .containsExactly("AWSPREVIOUS");
        assertThat(sm.describeSecret(r -> r.secretId("rotated")).versionIdsToStages())
                .isEqualTo(Map.of(v1, java.util.List.of("AWSPREVIOUS"), v2, java.util.List.of("AWSCURRENT")));

        String v3 = sm.putSecretValue(r -> r.secretId("rotated").secretString("three")).versionId();
        assertThat(sm.describeSecret(r -> r.secretId("rotated")).versionIdsToStages())
                .isEqualTo(Map.of(v2, java.util.List.of("AWSPREVIOUS"), v3, java.util.List.of("AWSCURRENT")));
        assertThat(sm.getSecretValue(r -> r.secretId("rotated").versionStage("AWSPREVIOUS")).secretString())
                .isEqualTo("two");
        // v1 lost its last label: deprecated versions are dropped, ciphertext included.
        assertThatThrownBy(() -> sm.getSecretValue(r -> r.secretId("rotated").versionId(v1)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("VersionId");
    }

    @Test
    void aVersionStagedElsewhereDoesNotMoveCurrent() {
        String v1 = sm.createSecret(r -> r.name("pending").secretString("live")).versionId();
        String pending = sm.putSecretValue(r -> r.secretId("pending").secretString("next")
                .versionStages("AWSPENDING")).versionId();
        assertThat(sm.getSecretValue(r -> r.secretId("pending")).versionId()).isEqualTo(v1);
        assertThat(sm.getSecretValue(r -> r.secretId("pending").versionStage("AWSPENDING")).secretString())
                .isEqualTo("next");
        assertThatThrownBy(() -> sm.getSecretValue(r -> r.secretId("pending").versionId(pending)
                .versionStage("AWSCURRENT")))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> sm.getSecretValue(r -> r.secretId("pending").versionStage("NOPE")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("staging label: NOPE");
    }

    @Test
    void putIsIdempotentForTheSameTokenAndValueOnly() {
        sm.createSecret(r -> r.name("put-idem").secretString("one"));
        String token = UUID.randomUUID().toString();
        PutSecretValueResponse first = sm.putSecretValue(r -> r.secretId("put-idem").clientRequestToken(token).secretString("two"));
        PutSecretValueResponse again = sm.putSecretValue(r -> r.secretId("put-idem").clientRequestToken(token).secretString("two"));
        assertThat(again.versionId()).isEqualTo(first.versionId()).isEqualTo(token);
        assertThat(sm.describeSecret(r -> r.secretId("put-idem")).versionIdsToStages()).hasSize(2);
        assertThat(sm.getSecretValue(r -> r.secretId("put-idem").versionStage("AWSPREVIOUS")).secretString())
                .isEqualTo("one");

        assertThatThrownBy(() -> sm.putSecretValue(r -> r.secretId("put-idem").clientRequestToken(token).secretString("other")))
                .isInstanceOf(ResourceExistsException.class);
        assertThat(sm.getSecretValue(r -> r.secretId("put-idem")).secretString()).isEqualTo("two");
    }

    @Test
    void putNeedsExactlyOneValueAndAnExistingSecret() {
        sm.createSecret(r -> r.name("put-checks").secretString("one"));
        assertThatThrownBy(() -> sm.putSecretValue(r -> r.secretId("put-checks")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sm.putSecretValue(r -> r.secretId("put-checks").secretString("s")
                .secretBinary(software.amazon.awssdk.core.SdkBytes.fromUtf8String("b"))))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sm.putSecretValue(r -> r.secretId("no-such-secret").secretString("s")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void updateSecretChangesTheDescriptionAndAddsAVersion() {
        String v1 = sm.createSecret(r -> r.name("updated").description("old").secretString("one")).versionId();
        UpdateSecretResponse onlyDescription = sm.updateSecret(r -> r.secretId("updated").description("new"));
        assertThat(onlyDescription.versionId()).isNull();
        assertThat(sm.describeSecret(r -> r.secretId("updated")).description()).isEqualTo("new");

        UpdateSecretResponse withValue = sm.updateSecret(r -> r.secretId("updated").secretString("two"));
        assertThat(withValue.versionId()).isNotEqualTo(v1);
        assertThat(sm.getSecretValue(r -> r.secretId("updated")).secretString()).isEqualTo("two");
        assertThat(sm.getSecretValue(r -> r.secretId("updated").versionStage("AWSPREVIOUS")).versionId()).isEqualTo(v1);
    }
}
