package dev.quire.core.secrets;

import dev.quire.spi.store.ConcurrentUpdateException;
import dev.quire.spi.store.EntityExistsException;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.Page;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Secrets Manager secrets: regional, versioned with staging labels, values sealed by
 * {@link SecretCipher} before they reach the store. Every method takes the region of the call
 * (from its SigV4 scope) and a {@code secretId} that is the secret's name or full ARN.
 */
public final class Secrets {
    public static final String KIND = "secretsmanager-secret";
    private static final int UPDATE_ATTEMPTS = 5;
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SecretRecords records;
    private final SecretCipher cipher;
    private final Clock clock;
    private final String accountId;
    private final SecureRandom random;

    public Secrets(MetadataStore store, MasterKey masterKey, Clock clock, String accountId) {
        this.records = new SecretRecords(store);
        this.random = new SecureRandom();
        this.cipher = new SecretCipher(masterKey, random);
        this.clock = clock;
        this.accountId = accountId;
    }

    /** CreateSecret. A retry with the same ClientRequestToken and value answers the first call's result. */
    public VersionRef create(String region, NewSecret request) {
        SecretRules.name(request.name());
        SecretRules.clientRequestToken(request.clientRequestToken());
        SecretRules.description(request.description());
        SecretRules.kmsKeyId(request.kmsKeyId());
        SecretRules.tags(request.tags());
        SecretRules.value(request.value());
        String versionId = request.clientRequestToken() != null ? request.clientRequestToken() : UUID.randomUUID().toString();
        Instant now = now();
        var existing = records.byName(region, request.name(), now);
        if (existing.isPresent()) {
            return repeatedCreate(existing.get().secret(), request, versionId);
        }
        StoredSecret s = new StoredSecret();
        s.region = region;
        s.name = request.name();
        s.arn = "arn:aws:secretsmanager:" + region + ":" + accountId + ":secret:" + request.name() + "-" + suffix();
        s.description = request.description();
        s.kmsKeyId = request.kmsKeyId();
        s.tags = new ArrayList<>(request.tags());
        s.createdDate = now;
        s.lastChangedDate = now;
        if (request.value() != null) {
            s.addVersion(newVersion(s, versionId, request.value(), now), List.of(StoredSecret.CURRENT));
        }
        try {
            records.insert(s);
        } catch (EntityExistsException e) {
            return repeatedCreate(records.byName(region, request.name(), now).orElseThrow(() -> e).secret(),
                    request, versionId);
        }
        return new VersionRef(s.arn, s.name, request.value() == null ? null : versionId, List.of(StoredSecret.CURRENT));
    }

    private VersionRef repeatedCreate(StoredSecret existing, NewSecret request, String versionId) {
        if (existing.scheduledForDeletion()) {
            throw SecretRules.invalidRequest("You can't create this secret because a secret with this name"
                    + " is already scheduled for deletion.");
        }
        StoredSecret.StoredVersion same = request.value() == null ? null : existing.version(versionId);
        if (same == null) {
            throw SecretRules.exists("The operation failed because the secret " + request.name() + " already exists.");
        }
        if (!open(existing, same).sameAs(request.value())) {
            throw SecretRules.exists("You can't modify an existing version, you can only create a new version.");
        }
        return new VersionRef(existing.arn, existing.name, same.versionId, same.stages);
    }

    /** PutSecretValue. {@code stages} null or empty means AWSCURRENT. */
    public VersionRef putValue(String region, String secretId, String clientRequestToken, SecretValue value,
                               List<String> stages) {
        SecretRules.secretId(secretId);
        SecretRules.clientRequestToken(clientRequestToken);
        if (value == null) {
            throw SecretRules.invalidParameter("You must provide either SecretString or SecretBinary.");
        }
        SecretRules.value(value);
        List<String> labels = stages == null || stages.isEmpty() ? List.of(StoredSecret.CURRENT) : List.copyOf(stages);
        SecretRules.stages(labels);
        String versionId = clientRequestToken != null ? clientRequestToken : UUID.randomUUID().toString();
        return change(region, secretId, s -> addValue(s, versionId, value, labels));
    }

    /** UpdateSecret: description and KMS key id when given, and a new AWSCURRENT version when a value is given. */
    public VersionRef update(String region, String secretId, String clientRequestToken, String description,
                             String kmsKeyId, SecretValue value) {
        SecretRules.secretId(secretId);
        SecretRules.clientRequestToken(clientRequestToken);
        SecretRules.description(description);
        SecretRules.kmsKeyId(kmsKeyId);
        SecretRules.value(value);
        String versionId = clientRequestToken != null ? clientRequestToken : UUID.randomUUID().toString();
        return change(region, secretId, s -> {
            if (description != null) {
                s.description = description;
            }
            if (kmsKeyId != null) {
                s.kmsKeyId = kmsKeyId;
            }
            s.lastChangedDate = now();
            return value == null ? new VersionRef(s.arn, s.name, null, List.of())
                    : addValue(s, versionId, value, List.of(StoredSecret.CURRENT));
        });
    }

    private VersionRef addValue(StoredSecret s, String versionId, SecretValue value, List<String> labels) {
        StoredSecret.StoredVersion existing = s.version(versionId);
        if (existing != null) {
            if (!open(s, existing).sameAs(value)) {
                throw SecretRules.exists("You can't modify an existing version, you can only create a new version.");
            }
            return new VersionRef(s.arn, s.name, versionId, existing.stages);
        }
        Instant now = now();
        s.addVersion(newVersion(s, versionId, value, now), labels);
        s.lastChangedDate = now;
        return new VersionRef(s.arn, s.name, versionId, labels);
    }

    /** GetSecretValue: by version id, by staging label, or AWSCURRENT. */
    public SecretVersion getValue(String region, String secretId, String versionId, String versionStage) {
        SecretRules.secretId(secretId);
        Instant now = now();
        SecretRecords.Loaded loaded = records.find(region, secretId, now).orElseThrow(SecretRules::notFound);
        StoredSecret s = loaded.secret();
        if (s.scheduledForDeletion()) {
            throw SecretRules.invalidRequest(SecretRules.MARKED_FOR_DELETION);
        }
        StoredSecret.StoredVersion v = select(s, versionId, versionStage);
        SecretValue value = open(s, v);
        noteAccess(loaded, now);
        return new SecretVersion(s.arn, s.name, v.versionId, value, v.stages, v.createdDate);
    }

    private static StoredSecret.StoredVersion select(StoredSecret s, String versionId, String versionStage) {
        if (versionId != null) {
            StoredSecret.StoredVersion v = s.version(versionId);
            if (v == null) {
                throw SecretRules.valueNotFound("VersionId: " + versionId);
            }
            if (versionStage != null && !v.stages.contains(versionStage)) {
                throw SecretRules.invalidRequest("You provided a VersionStage that is not associated to the provided VersionId.");
            }
            return v;
        }
        String stage = versionStage != null ? versionStage : StoredSecret.CURRENT;
        StoredSecret.StoredVersion v = s.withStage(stage);
        if (v == null) {
            throw SecretRules.valueNotFound("staging label: " + stage);
        }
        return v;
    }

    /**
     * The AWSCURRENT value of the secret with this full ARN, for Quire's own use (e.g. the OIDC
     * client secret a web experience names by {@code secretsArn}); the region is the ARN's.
     */
    public SecretVersion currentValue(String secretArn) {
        String[] parts = secretArn == null ? new String[0] : secretArn.split(":", 7);
        if (parts.length < 7 || !parts[0].equals("arn") || !parts[2].equals("secretsmanager")
                || !parts[5].equals("secret") || parts[3].isEmpty()) {
            throw SecretRules.invalidParameter("The secret ARN is not valid.");
        }
        return getValue(parts[3], secretArn, null, null);
    }

    /** LastAccessedDate is a day, as in AWS: written at most once a day, and losing a race is fine. */
    private void noteAccess(SecretRecords.Loaded loaded, Instant now) {
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        StoredSecret s = loaded.secret();
        if (day.equals(s.lastAccessedDate)) {
            return;
        }
        s.lastAccessedDate = day;
        try {
            records.update(loaded, s);
        } catch (ConcurrentUpdateException e) {
            // Someone else changed the secret meanwhile; the next read records the access.
        }
    }

    public SecretDescription describe(String region, String secretId) {
        SecretRules.secretId(secretId);
        return records.find(region, secretId, now()).orElseThrow(SecretRules::notFound).secret().describe();
    }

    /** ListSecrets: MaxResults 1–100 (default 100); secrets scheduled for deletion only when asked. */
    public Page<SecretDescription> list(String region, String nextToken, Integer maxResults,
                                        boolean includePlannedDeletion, List<ListFilter> filters) {
        return new SecretListing(records).list(region, nextToken, maxResults, includePlannedDeletion,
                filters == null ? List.of() : filters, now());
    }

    /**
     * DeleteSecret: scheduled after a recovery window of 7–30 days (default 30), or at once with
     * {@code forceDeleteWithoutRecovery}; the two together are refused.
     */
    public Deletion delete(String region, String secretId, Long recoveryWindowInDays, boolean forceDeleteWithoutRecovery) {
        SecretRules.secretId(secretId);
        if (forceDeleteWithoutRecovery && recoveryWindowInDays != null) {
            throw SecretRules.invalidParameter("You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
        }
        if (recoveryWindowInDays != null && (recoveryWindowInDays < 7 || recoveryWindowInDays > 30)) {
            throw SecretRules.invalidParameter("The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
        }
        if (forceDeleteWithoutRecovery) {
            StoredSecret s = records.find(region, secretId, now()).orElseThrow(SecretRules::notFound).secret();
            records.delete(s);
            return new Deletion(s.arn, s.name, now());
        }
        long days = recoveryWindowInDays == null ? 30 : recoveryWindowInDays;
        return change(region, secretId, s -> {
            Instant now = now();
            s.deletedDate = now;
            s.deletionDate = now.plus(Duration.ofDays(days));
            s.lastChangedDate = now;
            return new Deletion(s.arn, s.name, s.deletionDate);
        });
    }

    /** RestoreSecret: cancels a scheduled deletion (a secret not scheduled stays as it is). */
    public SecretDescription restore(String region, String secretId) {
        SecretRules.secretId(secretId);
        return mutate(region, secretId, true, s -> {
            if (s.scheduledForDeletion()) {
                s.deletedDate = null;
                s.deletionDate = null;
                s.lastChangedDate = now();
            }
            return s.describe();
        });
    }

    /** TagResource: adds tags, replacing the value of a key already there. */
    public void tag(String region, String secretId, List<SecretTag> tags) {
        SecretRules.secretId(secretId);
        SecretRules.tags(tags);
        change(region, secretId, s -> {
            for (SecretTag t : tags) {
                s.tags.removeIf(old -> old.key().equals(t.key()));
                s.tags.add(t);
            }
            SecretRules.tags(s.tags);
            s.lastChangedDate = now();
            return null;
        });
    }

    /** UntagResource: removes the tags with these keys (absent keys are ignored). */
    public void untag(String region, String secretId, List<String> tagKeys) {
        SecretRules.secretId(secretId);
        tagKeys.forEach(SecretRules::tagKey);
        change(region, secretId, s -> {
            s.tags.removeIf(t -> tagKeys.contains(t.key()));
            s.lastChangedDate = now();
            return null;
        });
    }

    /** A change refused on a secret that is scheduled for deletion. */
    private <T> T change(String region, String secretId, Function<StoredSecret, T> work) {
        return mutate(region, secretId, false, work);
    }

    /** Read, change, write under the store's version check; retried when another writer got in between. */
    private <T> T mutate(String region, String secretId, boolean allowScheduled, Function<StoredSecret, T> work) {
        for (int attempt = 1; ; attempt++) {
            SecretRecords.Loaded loaded = records.find(region, secretId, now()).orElseThrow(SecretRules::notFound);
            if (!allowScheduled && loaded.secret().scheduledForDeletion()) {
                throw SecretRules.invalidRequest(SecretRules.MARKED_FOR_DELETION);
            }
            T result = work.apply(loaded.secret());
            try {
                records.update(loaded, loaded.secret());
                return result;
            } catch (ConcurrentUpdateException e) {
                if (attempt == UPDATE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private StoredSecret.StoredVersion newVersion(StoredSecret s, String versionId, SecretValue value, Instant now) {
        StoredSecret.StoredVersion v = new StoredSecret.StoredVersion();
        v.versionId = versionId;
        v.createdDate = now;
        v.sealed = cipher.seal(value, s.arn, versionId);
        return v;
    }

    private SecretValue open(StoredSecret s, StoredSecret.StoredVersion v) {
        return cipher.open(v.sealed, s.arn, v.versionId);
    }

    private String suffix() {
        StringBuilder out = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            out.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
