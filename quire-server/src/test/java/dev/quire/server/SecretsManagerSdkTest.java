package dev.quire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.server.support.RunningQuire;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/** Creating, reading, describing, listing and tagging secrets through the real AWS SDK. */
class SecretsManagerSdkTest {
    static final String OIDC_SECRET = "{\"client_secret\":\"oidc-client-secret-7f3a9c\"}";

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
    void theSeedsOidcClientSecretIsReadableByNameAndByArn() {
        CreateSecretResponse created = sm.createSecret(r -> r.name("quire/oidc/web-experience")
                .description("OIDC client secret").secretString(OIDC_SECRET));
        assertThat(created.name()).isEqualTo("quire/oidc/web-experience");
        assertThat(created.arn()).matches(
                "arn:aws:secretsmanager:eu-west-1:123456789012:secret:quire/oidc/web-experience-[A-Za-z0-9]{6}");
        assertThat(created.versionId()).isNotBlank();

        GetSecretValueResponse byName = sm.getSecretValue(r -> r.secretId("quire/oidc/web-experience"));
        GetSecretValueResponse byArn = sm.getSecretValue(r -> r.secretId(created.arn()));
        for (GetSecretValueResponse got : new GetSecretValueResponse[] {byName, byArn}) {
            assertThat(got.secretString()).isEqualTo(OIDC_SECRET);
            assertThat(got.secretBinary()).isNull();
            assertThat(got.arn()).isEqualTo(created.arn());
            assertThat(got.versionId()).isEqualTo(created.versionId());
            assertThat(got.versionStages()).containsExactly("AWSCURRENT");
            assertThat(got.createdDate()).isNotNull();
        }
    }

    @Test
    void anArnWithAnotherSuffixOrRegionDoesNotReachTheSecret() {
        String arn = sm.createSecret(r -> r.name("arn-check").secretString("v")).arn();
        String otherSuffix = arn.substring(0, arn.length() - 6) + "zzzzzz";
        assertThatThrownBy(() -> sm.getSecretValue(r -> r.secretId(otherSuffix)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Secrets Manager can't find the specified secret.");
        assertThatThrownBy(() -> sm.getSecretValue(r -> r.secretId(arn.replace("eu-west-1", "us-east-1"))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(sm.getSecretValue(r -> r.secretId(arn)).secretString()).isEqualTo("v");
    }

    @Test
    void secretsAreRegional() {
        sm.createSecret(r -> r.name("regional").secretString("eu"));
        try (SecretsManagerClient usEast = SecretsManagerClient.builder().endpointOverride(quire.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(quire.rootCredentials())
                .httpClientBuilder(ApacheHttpClient.builder()).overrideConfiguration(RunningQuire.noRetries()).build()) {
            assertThatThrownBy(() -> usEast.getSecretValue(r -> r.secretId("regional")))
                    .isInstanceOf(ResourceNotFoundException.class);
            String arn = usEast.createSecret(r -> r.name("regional").secretString("us")).arn();
            assertThat(arn).startsWith("arn:aws:secretsmanager:us-east-1:");
            assertThat(usEast.getSecretValue(r -> r.secretId("regional")).secretString()).isEqualTo("us");
        }
        assertThat(sm.getSecretValue(r -> r.secretId("regional")).secretString()).isEqualTo("eu");
    }

    @Test
    void aBinarySecretComesBackByteForByte() {
        byte[] bytes = {0, 1, 2, (byte) 0x80, (byte) 0xff, 10, 13};
        sm.createSecret(r -> r.name("binary").secretBinary(SdkBytes.fromByteArray(bytes)));
        GetSecretValueResponse got = sm.getSecretValue(r -> r.secretId("binary"));
        assertThat(got.secretBinary().asByteArray()).containsExactly(bytes);
        assertThat(got.secretString()).isNull();
    }

    @Test
    void createIsIdempotentForTheSameTokenAndValueOnly() {
        String token = UUID.randomUUID().toString();
        CreateSecretResponse first = sm.createSecret(r -> r.name("idempotent").clientRequestToken(token).secretString("one"));
        CreateSecretResponse retry = sm.createSecret(r -> r.name("idempotent").clientRequestToken(token).secretString("one"));
        assertThat(retry.versionId()).isEqualTo(first.versionId()).isEqualTo(token);
        assertThat(retry.arn()).isEqualTo(first.arn());

        assertThatThrownBy(() -> sm.createSecret(r -> r.name("idempotent").clientRequestToken(token).secretString("two")))
                .isInstanceOf(ResourceExistsException.class);
        assertThatThrownBy(() -> sm.createSecret(r -> r.name("idempotent").secretString("one")))
                .isInstanceOf(ResourceExistsException.class)
                .hasMessageContaining("already exists");
        assertThat(sm.getSecretValue(r -> r.secretId("idempotent")).secretString()).isEqualTo("one");
        assertThat(sm.describeSecret(r -> r.secretId("idempotent")).versionIdsToStages()).containsOnlyKeys(token);
    }

    @Test
    void describeShowsDatesTagsKmsKeyAndVersionsButNoValue() {
        Instant before = Instant.now().minusSeconds(2);
        CreateSecretResponse created = sm.createSecret(r -> r.name("described").description("d")
                .kmsKeyId("alias/quire").secretString("hidden-value-123")
                .tags(Tag.builder().key("team").value("search").build()));
        DescribeSecretResponse before1 = sm.describeSecret(r -> r.secretId("described"));
        assertThat(before1.lastAccessedDate()).isNull();
        sm.getSecretValue(r -> r.secretId("described"));

        DescribeSecretResponse d = sm.describeSecret(r -> r.secretId(created.arn()));
        assertThat(d.arn()).isEqualTo(created.arn());
        assertThat(d.name()).isEqualTo("described");
        assertThat(d.description()).isEqualTo("d");
        assertThat(d.kmsKeyId()).isEqualTo("alias/quire");
        assertThat(d.tags()).containsExactly(Tag.builder().key("team").value("search").build());
        assertThat(d.createdDate()).isAfter(before);
        assertThat(d.lastChangedDate()).isAfterOrEqualTo(d.createdDate());
        assertThat(d.lastAccessedDate()).isEqualTo(Instant.now().truncatedTo(ChronoUnit.DAYS));
        assertThat(d.deletedDate()).isNull();
        assertThat(d.versionIdsToStages()).containsOnlyKeys(created.versionId());
        assertThat(d.versionIdsToStages().get(created.versionId())).containsExactly("AWSCURRENT");
        assertThat(d.toString()).doesNotContain("hidden-value-123");
    }

    @Test
    void tagsCanBeAddedReplacedAndRemoved() {
        sm.createSecret(r -> r.name("tagged").secretString("v").tags(Tag.builder().key("a").value("1").build()));
        sm.tagResource(r -> r.secretId("tagged").tags(Tag.builder().key("a").value("2").build(),
                Tag.builder().key("b").value("3").build()));
        assertThat(sm.describeSecret(r -> r.secretId("tagged")).tags()).containsExactlyInAnyOrder(
                Tag.builder().key("a").value("2").build(), Tag.builder().key("b").value("3").build());
        sm.untagResource(r -> r.secretId("tagged").tagKeys("a"));
        assertThat(sm.describeSecret(r -> r.secretId("tagged")).tags())
                .containsExactly(Tag.builder().key("b").value("3").build());
    }

    @Test
    void listFiltersByNamePrefixAndPages() {
        for (String n : new String[] {"list/a", "list/b", "list/c"}) {
            sm.createSecret(r -> r.name(n).secretString("v"));
        }
        ListSecretsResponse first = sm.listSecrets(r -> r.maxResults(2)
                .filters(f -> f.key(FilterNameStringType.NAME).values("list/")));
        assertThat(first.secretList()).extracting(SecretListEntry::name).containsExactly("list/a", "list/b");
        assertThat(first.nextToken()).isNotNull();
        assertThat(first.secretList().get(0).secretVersionsToStages()).hasSize(1);
        ListSecretsResponse second = sm.listSecrets(r -> r.maxResults(2).nextToken(first.nextToken())
                .filters(f -> f.key(FilterNameStringType.NAME).values("list/")));
        assertThat(second.secretList()).extracting(SecretListEntry::name).containsExactly("list/c");
        assertThat(second.nextToken()).isNull();

        assertThatThrownBy(() -> sm.listSecrets(r -> r.nextToken("forged")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void badInputIsRefusedWithTheAwsErrors() {
        assertThatThrownBy(() -> sm.createSecret(r -> r.name("both").secretString("s")
                .secretBinary(SdkBytes.fromUtf8String("b"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("both a binary secret value and a string secret value");
        assertThatThrownBy(() -> sm.createSecret(r -> r.name("bad name!").secretString("s")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sm.createSecret(r -> r.name("x".repeat(513)).secretString("s")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sm.createSecret(r -> r.name("short-token").clientRequestToken("short").secretString("s")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sm.getSecretValue(r -> r.secretId("never-created")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Secrets Manager can't find the specified secret.");
        assertThatThrownBy(() -> sm.describeSecret(r -> r.secretId("never-created")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(sm.createSecret(r -> r.name("Name_with/all+the=allowed.chars@-").secretString("s")).name())
                .isEqualTo("Name_with/all+the=allowed.chars@-");
        String longest = "n".repeat(512);
        String arn = sm.createSecret(r -> r.name(longest).secretString("long")).arn();
        assertThat(sm.getSecretValue(r -> r.secretId(longest)).secretString()).isEqualTo("long");
        assertThat(sm.getSecretValue(r -> r.secretId(arn)).name()).isEqualTo(longest);
    }

    @Test
    void aSecretWithoutAValueHasNoCurrentVersion() {
        CreateSecretResponse created = sm.createSecret(r -> r.name("empty"));
        assertThat(created.versionId()).isNull();
        assertThatThrownBy(() -> sm.getSecretValue(r -> r.secretId("empty")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("staging label: AWSCURRENT");
    }
}
