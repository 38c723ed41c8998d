package dev.quire.core.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Secrets in the metadata store: kind {@value Secrets#KIND}, scope = region, id = {@link #id}
 * (secrets are regional, as in AWS). A secret whose recovery window has passed is purged when met.
 */
final class SecretRecords {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final int MAX_ID_CHARS = 512;

    /** A secret as read, with the store version its update must match. */
    record Loaded(StoredSecret secret, long version) {
    }

    private final MetadataStore store;

    SecretRecords(MetadataStore store) {
        this.store = store;
    }

    /**
     * {@code region/name}; when that would not fit the store's 512-character id, {@code region/#}
     * and the name's SHA-256 instead ({@code #} never occurs in a name, so the two forms never meet).
     */
    static String id(String region, String name) {
        String plain = region + "/" + name;
        if (plain.length() <= MAX_ID_CHARS) {
            return plain;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return region + "/#" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** By name or full ARN in {@code region}; empty when absent or when the deletion became final. */
    Optional<Loaded> find(String region, String secretId, Instant now) {
        if (secretId.startsWith("arn:")) {
            return byArn(region, secretId, now);
        }
        return byName(region, secretId, now);
    }

    Optional<Loaded> byName(String region, String name, Instant now) {
        return store.get(Secrets.KIND, id(region, name)).map(SecretRecords::parse).filter(l -> alive(l, now));
    }

    /**
     * The ARN must be exactly the secret's ({@code ...:secret:<name>-<6 random>}): an ARN kept from
     * a deleted secret never reaches a new secret that reuses the name.
     */
    private Optional<Loaded> byArn(String region, String arn, Instant now) {
        int marker = arn.indexOf(":secret:");
        if (marker < 0 || arn.length() < marker + ":secret:".length() + 8) {
            return Optional.empty();
        }
        String nameAndSuffix = arn.substring(marker + ":secret:".length());
        String name = nameAndSuffix.substring(0, nameAndSuffix.length() - 7);
        return byName(region, name, now).filter(l -> l.secret().arn.equals(arn));
    }

    /** Purges a secret whose recovery window is over; says whether it is still there. */
    boolean alive(Loaded loaded, Instant now) {
        StoredSecret s = loaded.secret();
        if (s.deletionDate != null && !now.isBefore(s.deletionDate)) {
            store.delete(Secrets.KIND, id(s.region, s.name));
            return false;
        }
        return true;
    }

    List<StoredEntity> scan(String region, String afterId, int limit) {
        return store.list(Secrets.KIND, region, afterId, limit);
    }

    void insert(StoredSecret secret) {
        store.insert(Secrets.KIND, id(secret.region, secret.name), secret.region, write(secret));
    }

    /** @throws dev.quire.spi.store.ConcurrentUpdateException when someone else wrote it since it was read */
    void update(Loaded loaded, StoredSecret changed) {
        store.update(Secrets.KIND, id(changed.region, changed.name), write(changed), loaded.version());
    }

    void delete(StoredSecret secret) {
        store.delete(Secrets.KIND, id(secret.region, secret.name));
    }

    static Loaded parse(StoredEntity entity) {
        try {
            return new Loaded(JSON.readValue(entity.json(), StoredSecret.class), entity.version());
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the document; say only which record is broken.
            throw new IllegalStateException("stored secret " + entity.id() + " is unreadable");
        }
    }

    private static String write(StoredSecret secret) {
        try {
            return JSON.writeValueAsString(secret);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("secret " + secret.arn + " could not be written");
        }
    }
}
