package dev.quire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.core.secrets.MasterKey;
import dev.quire.core.secrets.Secrets;
import dev.quire.server.support.RunningQuire;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;
import dev.quire.store.jdbc.JdbcMetadataStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DecryptionFailureException;

/**
 * Encryption at rest, checked from outside: the store holds no plaintext, values survive a restart,
 * and a wrong master key or a value moved between secrets fails with DecryptionFailure.
 */
class SecretsManagerAtRestTest {
    private static final String CLIENT_SECRET = "oidc-client-secret-b81f0e2c";
    private static final String OIDC_JSON = "{\"client_secret\":\"" + CLIENT_SECRET + "\"}";
    private static final byte[] BINARY = "binary-plaintext-5d1a".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @BeforeEach
    void keyComesFromTheDataDir() {
        assumeTrue(System.getenv(MasterKey.ENVIRONMENT_VARIABLE) == null, "QUIRE_MASTER_KEY is set for this JVM");
    }

    @Test
    void theStoreAndTheAuditLogHoldNoPlaintext() throws Exception {
        Path auditLog;
        try (RunningQuire quire = RunningQuire.h2(dataDir); SecretsManagerClient sm = client(quire)) {
            sm.createSecret(r -> r.name("oidc").secretString(OIDC_JSON));
            sm.createSecret(r -> r.name("bin").secretBinary(SdkBytes.fromByteArray(BINARY)));
            sm.putSecretValue(r -> r.secretId("oidc").secretString(OIDC_JSON + " "));
            assertThat(sm.getSecretValue(r -> r.secretId("oidc")).secretString()).isEqualTo(OIDC_JSON + " ");
            auditLog = quire.server().auditLog();
        }
        List<StoredEntity> rows = rows();
        assertThat(rows).hasSize(2);
        String binaryBase64 = Base64.getEncoder().encodeToString(BINARY);
        for (StoredEntity row : rows) {
            assertThat(row.json()).contains("\"sealed\"")
                    .doesNotContain(CLIENT_SECRET).doesNotContain("client_secret")
                    .doesNotContain("binary-plaintext").doesNotContain(binaryBase64);
        }
        assertThat(Files.readString(auditLog)).doesNotContain(CLIENT_SECRET).doesNotContain(binaryBase64);
    }

    @Test
    void valuesStayReadableAfterARestart() {
        String arn;
        try (RunningQuire quire = RunningQuire.h2(dataDir); SecretsManagerClient sm = client(quire)) {
            arn = sm.createSecret(r -> r.name("oidc").secretString(OIDC_JSON)).arn();
            sm.createSecret(r -> r.name("bin").secretBinary(SdkBytes.fromByteArray(BINARY)));
        }
        try (RunningQuire quire = RunningQuire.h2(dataDir); SecretsManagerClient sm = client(quire)) {
            assertThat(sm.getSecretValue(r -> r.secretId(arn)).secretString()).isEqualTo(OIDC_JSON);
            assertThat(sm.getSecretValue(r -> r.secretId("bin")).secretBinary().asByteArray()).isEqualTo(BINARY);
        }
    }

    @Test
    void anotherMasterKeyGivesDecryptionFailureNeverGarbage() throws Exception {
        try (RunningQuire quire = RunningQuire.h2(dataDir); SecretsManagerClient sm = client(quire)) {
            sm.createSecret(r -> r.name("oidc").secretString(OIDC_JSON));
        }
        byte[] other = new byte[32];
        new SecureRandom().nextBytes(other);
        Files.writeString(dataDir.resolve(MasterKey.FILE_NAME), Base64.getEncoder().encodeToString(other));

        try (RunningQuire quire = RunningQuire.h2(dataDir); SecretsManagerClient sm = client(quire)) {
            assertThatThrownBy(() -> sm.getSecretValue(r -> r.secretId("oidc")))
                    .isInstanceOfSatisfying(DecryptionFailureException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DecryptionFailure");
                        assertThat(e.getMessage()).doesNotContain(CLIENT_SECRET);
                    });
            assertThat(sm.describeSecret(r -> r.secretId("oidc")).name()).isEqualTo("oidc");
        }
    }

    @Test
    void aValueCopiedIntoAnotherSecretDoesNotOpenThere() throws Exception {
        try (RunningQuire quire = RunningQuire.h2(dataDir); SecretsManagerClient sm = client(quire)) {
            sm.createSecret(r -> r.name("victim").secretString(OIDC_JSON));
            sm.createSecret(r -> r.name("attacker").secretString("mine"));
        }
        edit(store -> {
            StoredEntity victim = store.get(Secrets.KIND, "eu-west-1/victim").orElseThrow();
            StoredEntity attacker = store.get(Secrets.KIND, "eu-west-1/attacker").orElseThrow();
            String sealed = firstVersion(victim.json()).get("sealed").asText();
            ObjectNode changed = read(attacker.json());
            ((ObjectNode) changed.withArray("versions").get(0)).put("sealed", sealed);
            store.update(Secrets.KIND, attacker.id(), changed.toString(), attacker.version());
        });
        try (RunningQuire quire = RunningQuire.h2(dataDir); SecretsManagerClient sm = client(quire)) {
            assertThatThrownBy(() -> sm.getSecretValue(r -> r.secretId("attacker")))
                    .isInstanceOf(DecryptionFailureException.class);
            assertThat(sm.getSecretValue(r -> r.secretId("victim")).secretString()).isEqualTo(OIDC_JSON);
        }
    }

    private static SecretsManagerClient client(RunningQuire quire) {
        return quire.secretsManager(quire.rootCredentials());
    }

    private List<StoredEntity> rows() {
        try (MetadataStore store = JdbcMetadataStore.openEmbedded(dataDir)) {
            return store.list(Secrets.KIND, "eu-west-1", null, 100);
        }
    }

    private void edit(Consumer<MetadataStore> change) {
        try (MetadataStore store = JdbcMetadataStore.openEmbedded(dataDir)) {
            change.accept(store);
        }
    }

    private static ObjectNode firstVersion(String json) {
        return (ObjectNode) ((ArrayNode) read(json).get("versions")).get(0);
    }

    private static ObjectNode read(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
