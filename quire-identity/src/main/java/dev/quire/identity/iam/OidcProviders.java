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
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IAM OpenID Connect providers (kind {@value #KIND}; id = the ARN's resource part, host[:port]/path).
 * Because the id drops the scheme, one issuer location can be registered once, whatever its scheme.
 */
public final class OidcProviders {
    public static final String KIND = "iam-oidc-provider";
    static final int MAX_CLIENT_IDS = 100;
    static final int MAX_THUMBPRINTS = 5;
    private static final Pattern THUMBPRINT = Pattern.compile("[0-9a-fA-F]{40}");

    private final MetadataStore store;
    private final String accountId;
    private final Clock clock;

    public OidcProviders(MetadataStore store, String accountId, Clock clock) {
        this.store = store;
        this.accountId = accountId;
        this.clock = clock;
    }

    public OidcProviderRecord create(String url, List<String> clientIds, List<String> thumbprints, List<IamTag> tags) {
        OidcUrl parsed = OidcUrl.parse(IamInput.required(url, "url"));
        List<String> clients = clientIds(clientIds);
        if (thumbprints != null && thumbprints.size() > MAX_THUMBPRINTS) {
            throw IamInput.invalid("Thumbprint list must contain at most 5 entries.");
        }
        List<String> prints = new ArrayList<>();
        for (String t : thumbprints == null ? List.<String>of() : thumbprints) {
            if (!THUMBPRINT.matcher(t).matches()) {
                throw IamInput.invalid("Thumbprint must be 40 hexadecimal characters.");
            }
            prints.add(t.toLowerCase(Locale.ROOT));
        }
        OidcProviderRecord record = new OidcProviderRecord(arnOf(parsed.resource()), parsed.url(), clients, prints,
                clock.instant(), IamInput.tags(tags));
        try {
            store.insert(KIND, parsed.resource(), IamRecords.SCOPE, IamRecords.write(record));
        } catch (EntityExistsException e) {
            throw new ApiError(ErrorCode.ENTITY_ALREADY_EXISTS, "Provider with url " + url + " already exists.");
        }
        return record;
    }

    public OidcProviderRecord get(String arn) {
        return byArn(IamInput.required(arn, "openIDConnectProviderArn")).orElseThrow(() -> notFound(arn));
    }

    public List<OidcProviderRecord> list() {
        List<OidcProviderRecord> out = new ArrayList<>();
        String after = null;
        while (true) {
            List<StoredEntity> rows = store.list(KIND, IamRecords.SCOPE, after, 500);
            rows.forEach(r -> out.add(IamRecords.read(r, OidcProviderRecord.class)));
            if (rows.size() < 500) {
                return out;
            }
            after = rows.get(rows.size() - 1).id();
        }
    }

    public void delete(String arn) {
        get(arn);
        store.delete(KIND, resourceOf(arn));
    }

    /** Idempotent, as in IAM: adding a client ID that is already registered changes nothing. */
    public void addClientId(String arn, String clientId) {
        validClientId(clientId);
        change(arn, ids -> {
            if (!ids.contains(clientId)) {
                if (ids.size() >= MAX_CLIENT_IDS) {
                    throw new ApiError(ErrorCode.LIMIT_EXCEEDED, "Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100");
                }
                ids.add(clientId);
            }
        });
    }

    /** Idempotent, as in IAM: removing an unknown client ID is not an error. */
    public void removeClientId(String arn, String clientId) {
        validClientId(clientId);
        change(arn, ids -> ids.remove(clientId));
    }

    Optional<OidcProviderRecord> byArn(String arn) {
        String resource = resourceOf(arn);
        if (resource == null) {
            return Optional.empty();
        }
        return IamRecords.find(store, KIND, resource, OidcProviderRecord.class).filter(p -> p.arn().equals(arn));
    }

    /** The provider whose issuer is {@code issuerUrl}, scheme included, ignoring one trailing slash. */
    Optional<OidcProviderRecord> byUrl(String issuerUrl) {
        if (issuerUrl == null) {
            return Optional.empty();
        }
        String wanted = issuerUrl.endsWith("/") ? issuerUrl.substring(0, issuerUrl.length() - 1) : issuerUrl;
        int scheme = wanted.indexOf("://");
        if (scheme < 0) {
            return Optional.empty();
        }
        return IamRecords.find(store, KIND, wanted.substring(scheme + 3), OidcProviderRecord.class)
                .filter(p -> p.url().equals(wanted));
    }

    private void change(String arn, java.util.function.Consumer<List<String>> edit) {
        IamRecords.mutate(store, () -> {
            String resource = resourceOf(IamInput.required(arn, "openIDConnectProviderArn"));
            StoredEntity row = resource == null ? null : store.get(KIND, resource).orElse(null);
            OidcProviderRecord current = row == null ? null : IamRecords.read(row, OidcProviderRecord.class);
            if (current == null || !current.arn().equals(arn)) {
                throw notFound(arn);
            }
            List<String> ids = new ArrayList<>(current.clientIds());
            edit.accept(ids);
            try {
                store.update(KIND, resource, IamRecords.write(current.withClientIds(ids)), row.version());
            } catch (EntityNotFoundException e) {
                throw notFound(arn);
            }
            return null;
        });
    }

    private static List<String> clientIds(List<String> given) {
        List<String> out = new ArrayList<>();
        for (String id : given == null ? List.<String>of() : given) {
            validClientId(id);
            if (!out.contains(id)) {
                out.add(id);
            }
        }
        if (out.size() > MAX_CLIENT_IDS) {
            throw new ApiError(ErrorCode.LIMIT_EXCEEDED, "Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100");
        }
        return out;
    }

    private static void validClientId(String id) {
        if (id == null || id.isEmpty() || id.length() > 255) {
            throw IamInput.invalid("Client ID must be 1 to 255 characters long.");
        }
    }

    private String arnOf(String resource) {
        return "arn:aws:iam::" + accountId + ":oidc-provider/" + resource;
    }

    private String resourceOf(String arn) {
        String prefix = "arn:aws:iam::" + accountId + ":oidc-provider/";
        return arn != null && arn.startsWith(prefix) && arn.length() > prefix.length() ? arn.substring(prefix.length()) : null;
    }

    private static ApiError notFound(String arn) {
        return new ApiError(ErrorCode.NO_SUCH_ENTITY, "OpenIDConnect Provider not found for arn " + arn);
    }
}
