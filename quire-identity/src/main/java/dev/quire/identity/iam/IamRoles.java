package dev.quire.identity.iam;

import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.store.EntityExistsException;
import dev.quire.spi.store.EntityNotFoundException;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.Page;
import dev.quire.spi.store.StoredEntity;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * IAM roles kept in the metadata store (kind {@value #KIND}, id = the lower-cased role name,
 * because IAM role names are unique ignoring case). Attached and inline policies live in the
 * role record; see {@link RolePolicies} for those operations.
 */
public final class IamRoles {
    public static final String KIND = "iam-role";
    public static final int MIN_SESSION_SECONDS = 3600;
    public static final int MAX_SESSION_SECONDS = 43200;

    private final MetadataStore store;
    private final String accountId;
    private final PolicyDocumentValidator validator;
    private final Clock clock;

    public IamRoles(MetadataStore store, String accountId, PolicyDocumentValidator validator, Clock clock) {
        this.store = store;
        this.accountId = accountId;
        this.validator = validator;
        this.clock = clock;
    }

    public IamRole create(String roleName, String path, String assumeRolePolicyDocument, String description,
                          Integer maxSessionDuration, String permissionsBoundary, List<IamTag> tags) {
        IamInput.name(roleName, "roleName", IamInput.ROLE_NAME);
        String p = IamInput.path(path);
        IamInput.description(description);
        int duration = maxSessionDuration == null ? MIN_SESSION_SECONDS : sessionDuration(maxSessionDuration);
        // Refused rather than ignored: a boundary that silently did nothing would grant more than asked.
        if (permissionsBoundary != null && !permissionsBoundary.isEmpty()) {
            throw IamInput.invalid("Permissions boundaries are not supported by Quire.");
        }
        validator.validate(IamInput.required(assumeRolePolicyDocument, "assumeRolePolicyDocument"), true);
        IamRole role = new IamRole(roleName, IamIds.next(IamIds.ROLE_PREFIX), p,
                "arn:aws:iam::" + accountId + ":role" + p + roleName, assumeRolePolicyDocument, description,
                duration, IamInput.tags(tags), List.of(), null, clock.instant());
        try {
            store.insert(KIND, key(roleName), IamRecords.SCOPE, IamRecords.write(role));
        } catch (EntityExistsException e) {
            throw new ApiError(ErrorCode.ENTITY_ALREADY_EXISTS, "Role with name " + roleName + " already exists.");
        }
        return role;
    }

    public IamRole get(String roleName) {
        IamInput.required(roleName, "roleName");
        return find(roleName).orElseThrow(() -> notFound(roleName));
    }

    /** ListRoles: Marker/MaxItems paging (1–1000, default 100), optional PathPrefix. */
    public Page<IamRole> list(String pathPrefix, String marker, Integer maxItems) {
        String prefix = IamInput.pathPrefix(pathPrefix);
        return IamPaging.fromStore(store, KIND, marker, maxItems, IamRoles::parse, r -> r.path().startsWith(prefix));
    }

    public void delete(String roleName) {
        IamRecords.mutate(store, () -> {
            StoredEntity row = row(roleName);
            IamRole role = parse(row);
            if (!role.attachedPolicyArns().isEmpty()) {
                throw new ApiError(ErrorCode.DELETE_CONFLICT, "Cannot delete entity, must detach all policies first.");
            }
            if (!role.inlinePolicies().isEmpty()) {
                throw new ApiError(ErrorCode.DELETE_CONFLICT, "Cannot delete entity, must delete policies first.");
            }
            // Versioned no-op update: a concurrent attach or put cannot commit between check and delete.
            try {
                store.update(KIND, row.id(), row.json(), row.version());
            } catch (EntityNotFoundException e) {
                throw notFound(roleName);
            }
            store.delete(KIND, row.id());
            return null;
        });
    }

    public void updateAssumeRolePolicy(String roleName, String document) {
        validator.validate(IamInput.required(document, "policyDocument"), true);
        change(roleName, role -> role.withTrustPolicy(document));
    }

    /** UpdateRole: a null argument leaves that setting unchanged. */
    public void update(String roleName, String description, Integer maxSessionDuration) {
        IamInput.description(description);
        Integer duration = maxSessionDuration == null ? null : sessionDuration(maxSessionDuration);
        change(roleName, role -> role.withSettings(description == null ? role.description() : description,
                duration == null ? role.maxSessionDuration() : duration));
    }

    Optional<IamRole> find(String roleName) {
        if (roleName == null || roleName.isEmpty()) {
            return Optional.empty();
        }
        return store.get(KIND, key(roleName)).map(IamRoles::parse);
    }

    /** Reads, edits and writes one role in a retried transaction; the edit may throw ApiErrors. */
    IamRole change(String roleName, UnaryOperator<IamRole> edit) {
        return IamRecords.mutate(store, () -> {
            StoredEntity row = row(roleName);
            IamRole next = edit.apply(parse(row));
            try {
                store.update(KIND, row.id(), IamRecords.write(next), row.version());
            } catch (EntityNotFoundException e) {
                throw notFound(roleName);
            }
            return next;
        });
    }

    private StoredEntity row(String roleName) {
        IamInput.required(roleName, "roleName");
        return store.get(KIND, key(roleName)).orElseThrow(() -> notFound(roleName));
    }

    private static int sessionDuration(int seconds) {
        if (seconds < MIN_SESSION_SECONDS || seconds > MAX_SESSION_SECONDS) {
            throw IamInput.invalid("The requested MaxSessionDuration is invalid. It must be between 3600 and 43200 seconds.");
        }
        return seconds;
    }

    static ApiError notFound(String roleName) {
        return new ApiError(ErrorCode.NO_SUCH_ENTITY, "The role with name " + roleName + " cannot be found.");
    }

    static String key(String roleName) {
        return roleName.toLowerCase(Locale.ROOT);
    }

    static IamRole parse(StoredEntity entity) {
        return IamRecords.read(entity, IamRole.class);
    }
}
