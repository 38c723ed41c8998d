package dev.quire.identity.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.spi.store.EntityExistsException;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Keeps the root keys in the metadata store, so every node sharing the store accepts them and a
 * restart keeps them. Keys given by the operator (environment) win and are not stored.
 */
public final class RootCredentialStore {
    static final String KIND = "root-credentials";
    static final String ID = "root";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MetadataStore store;

    public RootCredentialStore(MetadataStore store) {
        this.store = store;
    }

    /** The outcome of start-up: which keys are in force and whether they were just generated. */
    public record Resolution(RootCredentials credentials, boolean generated, boolean fromEnvironment) {
    }

    public Resolution resolve(Optional<RootCredentials> fromEnvironment, SecureRandom random) {
        if (fromEnvironment.isPresent()) {
            return new Resolution(fromEnvironment.get(), false, true);
        }
        Optional<RootCredentials> stored = load();
        if (stored.isPresent()) {
            return new Resolution(stored.get(), false, false);
        }
        RootCredentials fresh = RootCredentials.generate(random);
        try {
            store.insert(KIND, ID, "", JSON.createObjectNode()
                    .put("accessKeyId", fresh.accessKeyId())
                    .put("secretAccessKey", fresh.secretAccessKey()).toString());
            return new Resolution(fresh, true, false);
        } catch (EntityExistsException raced) {
            // another node generated keys first: use theirs
            return new Resolution(load().orElseThrow(), false, false);
        }
    }

    Optional<RootCredentials> load() {
        return store.get(KIND, ID).map(RootCredentialStore::parse);
    }

    private static RootCredentials parse(StoredEntity entity) {
        try {
            JsonNode node = JSON.readTree(entity.json());
            return new RootCredentials(node.path("accessKeyId").asText(), node.path("secretAccessKey").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("stored root credentials are unreadable", e);
        }
    }
}
