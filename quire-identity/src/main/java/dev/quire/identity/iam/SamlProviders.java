package dev.quire.identity.iam;

import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.store.EntityExistsException;
import dev.quire.spi.store.EntityNotFoundException;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** IAM SAML providers (kind {@value #KIND}; id = the provider name). */
public final class SamlProviders {
    public static final String KIND = "iam-saml-provider";
    /** IAM's bounds for SAMLMetadataDocument. */
    static final int MIN_DOCUMENT_CHARS = 1000;
    static final int MAX_DOCUMENT_CHARS = 10_000_000;

    private final MetadataStore store;
    private final String accountId;
    private final Clock clock;

    public SamlProviders(MetadataStore store, String accountId, Clock clock) {
        this.store = store;
        this.accountId = accountId;
        this.clock = clock;
    }

    public SamlProviderRecord create(String name, String metadataDocument, List<IamTag> tags) {
        IamInput.name(name, "name", IamInput.SAML_NAME);
        SamlMetadata metadata = check(metadataDocument);
        SamlProviderRecord record = new SamlProviderRecord(arnOf(name), name, metadataDocument, clock.instant(),
                metadata.validUntil(), IamInput.tags(tags));
        try {
            store.insert(KIND, name, IamRecords.SCOPE, IamRecords.write(record));
        } catch (EntityExistsException e) {
            throw new ApiError(ErrorCode.ENTITY_ALREADY_EXISTS, "SAMLProvider " + name + " already exists.");
        }
        return record;
    }

    public SamlProviderRecord get(String arn) {
        return byArn(IamInput.required(arn, "sAMLProviderArn")).orElseThrow(() -> notFound(arn));
    }

    public List<SamlProviderRecord> list() {
        List<SamlProviderRecord> out = new ArrayList<>();
        String after = null;
        while (true) {
            List<StoredEntity> rows = store.list(KIND, IamRecords.SCOPE, after, 500);
            rows.forEach(r -> out.add(IamRecords.read(r, SamlProviderRecord.class)));
            if (rows.size() < 500) {
                return out;
            }
            after = rows.get(rows.size() - 1).id();
        }
    }

    /** Replaces the metadata document (the only updatable part Quire supports). */
    public SamlProviderRecord update(String arn, String metadataDocument) {
        SamlMetadata metadata = check(metadataDocument);
        return IamRecords.mutate(store, () -> {
            SamlProviderRecord current = get(arn);
            StoredEntity row = store.get(KIND, current.name()).orElseThrow(() -> notFound(arn));
            SamlProviderRecord next = new SamlProviderRecord(current.arn(), current.name(), metadataDocument,
                    current.createDate(), metadata.validUntil(), current.tags());
            try {
                store.update(KIND, current.name(), IamRecords.write(next), row.version());
            } catch (EntityNotFoundException e) {
                throw notFound(arn);
            }
            return next;
        });
    }

    public void delete(String arn) {
        SamlProviderRecord current = get(arn);
        store.delete(KIND, current.name());
    }

    Optional<SamlProviderRecord> byArn(String arn) {
        String prefix = "arn:aws:iam::" + accountId + ":saml-provider/";
        if (arn == null || !arn.startsWith(prefix)) {
            return Optional.empty();
        }
        return IamRecords.find(store, KIND, arn.substring(prefix.length()), SamlProviderRecord.class)
                .filter(p -> p.arn().equals(arn));
    }

    private SamlMetadata check(String document) {
        IamInput.required(document, "sAMLMetadataDocument");
        if (document.length() < MIN_DOCUMENT_CHARS || document.length() > MAX_DOCUMENT_CHARS) {
            throw IamInput.invalid("The SAMLMetadataDocument must be 1000 to 10000000 characters long.");
        }
        SamlMetadata metadata;
        try {
            metadata = SamlMetadata.parse(document);
        } catch (IllegalArgumentException e) {
            throw IamInput.invalid("Could not parse metadata: " + e.getMessage());
        }
        if (metadata.validUntil() != null && !metadata.validUntil().isAfter(clock.instant())) {
            throw IamInput.invalid("Could not parse metadata: the document's validUntil has passed.");
        }
        return metadata;
    }

    private String arnOf(String name) {
        return "arn:aws:iam::" + accountId + ":saml-provider/" + name;
    }

    private static ApiError notFound(String arn) {
        return new ApiError(ErrorCode.NO_SUCH_ENTITY, "Manifest not found for arn " + arn);
    }
}
