package dev.quire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quire.server.support.RunningQuire;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/** DeleteSecret with a recovery window or forced, RestoreSecret, and what a scheduled secret refuses. */
class SecretsManagerDeletionSdkTest {
    private static final String MARKED = "You can't perform this operation on the secret because it was marked for deletion.";

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
    void aScheduledDeletionRefusesReadsUntilRestored() {
        String arn = sm.createSecret(r -> r.name("recoverable").secretString("keep me")).arn();
        DeleteSecretResponse deleted = sm.deleteSecret(r -> r.secretId("recoverable").recoveryWindowInDays(7L));
        assertThat(deleted.arn()).isEqualTo(arn);
        assertThat(deleted.deletionDate()).isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(Duration.ofMinutes(1)));

        assertThatThrownBy(() -> sm.getSecretValue(r -> r.secretId("recoverable")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining(MARKED);
        assertThatThrownBy(() -> sm.putSecretValue(r -> r.secretId("recoverable").secretString("x")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining(MARKED);
        assertThatThrownBy(() -> sm.deleteSecret(r -> r.secretId("recoverable")))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> sm.createSecret(r -> r.name("recoverable").secretString("new")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("scheduled for deletion");
        assertThat(sm.describeSecret(r -> r.secretId(arn)).deletedDate()).isNotNull();

        assertThat(sm.restoreSecret(r -> r.secretId(arn)).name()).isEqualTo("recoverable");
        assertThat(sm.getSecretValue(r -> r.secretId("recoverable")).secretString()).isEqualTo("keep me");
        assertThat(sm.describeSecret(r -> r.secretId(arn)).deletedDate()).isNull();
    }

    @Test
    void theDefaultRecoveryWindowIsThirtyDays() {
        sm.createSecret(r -> r.name("default-window").secretString("v"));
        DeleteSecretResponse deleted = sm.deleteSecret(r -> r.secretId("default-window"));
        assertThat(deleted.deletionDate()).isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(Duration.ofMinutes(1)));
    }

    @Test
    void listingHidesScheduledSecretsUnlessAsked() {
        sm.createSecret(r -> r.name("listed-then-deleted").secretString("v"));
        sm.deleteSecret(r -> r.secretId("listed-then-deleted"));
        assertThat(sm.listSecrets().secretList()).extracting(SecretListEntry::name).doesNotContain("listed-then-deleted");
        assertThat(sm.listSecrets(r -> r.includePlannedDeletion(true)).secretList())
                .filteredOn(e -> e.name().equals("listed-then-deleted"))
                .singleElement().satisfies(e -> assertThat(e.deletedDate()).isNotNull());
    }

    @Test
    void aForcedDeletionIsImmediateAndTheNameCanBeReusedUnderANewArn() {
        String oldArn = sm.createSecret(r -> r.name("forced").secretString("old")).arn();
        DeleteSecretResponse deleted = sm.deleteSecret(r -> r.secretId("forced").forceDeleteWithoutRecovery(true));
        assertThat(deleted.deletionDate()).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
        assertThatThrownBy(() -> sm.getSecretValue(r -> r.secretId("forced"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sm.describeSecret(r -> r.secretId(oldArn))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sm.restoreSecret(r -> r.secretId("forced"))).isInstanceOf(ResourceNotFoundException.class);

        String newArn = sm.createSecret(r -> r.name("forced").secretString("new")).arn();
        assertThat(newArn).isNotEqualTo(oldArn);
        assertThatThrownBy(() -> sm.getSecretValue(r -> r.secretId(oldArn))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(sm.getSecretValue(r -> r.secretId(newArn)).secretString()).isEqualTo("new");
    }

    @Test
    void aScheduledSecretCanStillBeForceDeleted() {
        sm.createSecret(r -> r.name("scheduled-then-forced").secretString("v"));
        sm.deleteSecret(r -> r.secretId("scheduled-then-forced"));
        sm.deleteSecret(r -> r.secretId("scheduled-then-forced").forceDeleteWithoutRecovery(true));
        assertThatThrownBy(() -> sm.describeSecret(r -> r.secretId("scheduled-then-forced")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void badDeletionParametersAreRefusedAndDeleteNothing() {
        sm.createSecret(r -> r.name("kept").secretString("v"));
        for (long days : new long[] {0, 6, 31, -1}) {
            assertThatThrownBy(() -> sm.deleteSecret(r -> r.secretId("kept").recoveryWindowInDays(days)))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("between 7 and 30");
        }
        assertThatThrownBy(() -> sm.deleteSecret(r -> r.secretId("kept").recoveryWindowInDays(7L)
                .forceDeleteWithoutRecovery(true)))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(sm.getSecretValue(r -> r.secretId("kept")).secretString()).isEqualTo("v");
        assertThatThrownBy(() -> sm.deleteSecret(r -> r.secretId("never-there")))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
