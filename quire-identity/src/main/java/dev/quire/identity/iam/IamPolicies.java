package dev.quire.identity.iam;

import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.store.EntityExistsException;
import dev.quire.spi.store.EntityNotFoundException;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.Page;
import dev.quire.spi.store.StoredEntity;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Customer managed policies (kind {@value #KIND}; id = the lower-cased name, because IAM policy
 * names are unique per account ignoring case and path).
 */
public final class IamPolicies {
    public static final String KIND = "iam-policy";

    private final MetadataStore store;
    private final String accountId;
    private final PolicyDocumentValidator validator;
    private final Clock clock;

    public IamPolicies(MetadataStore store, String accountId, PolicyDocumentValidator validator, Clock clock) {
        this.store = store;
        this.accountId = accountId;
        this.validator = validator;
        this.clock = clock;
    }

    public IamPolicy create(String name, String path, String document, String description, List<IamTag> tags) {
        IamInput.name(name, "policyName", IamInput.POLICY_NAME);
        String p = IamInput.path(path);
        IamInput.description(description);
        validator.validate(IamInput.required(document, "policyDocument"), false);
        Instant now = clock.instant();
        IamPolicy policy = new IamPolicy(name, IamIds.next(IamIds.POLICY_PREFIX), p,
                "arn:aws:iam::" + accountId + ":policy" + p + name, description, "v1", 0, IamInput.tags(tags),
                List.of(new IamPolicyVersion("v1", document, now)), 2, now, now);
        try {
            store.insert(KIND, key(name), IamRecords.SCOPE, IamRecords.write(policy));
        } catch (EntityExistsException e) {
            throw new ApiError(ErrorCode.ENTITY_ALREADY_EXISTS,
                    "A policy called " + name + " already exists. Duplicate names are not allowed.");
        }
        return policy;
    }

    public IamPolicy get(String arn) {
        return byArn(IamInput.required(arn, "policyArn")).orElseThrow(() -> notFound(arn));
    }

    /** ListPolicies: Scope All|Local list these policies, AWS lists none (Quire has no AWS managed policies). */
    public Page<IamPolicy> list(String scope, boolean onlyAttached, String pathPrefix, String marker, Integer maxItems) {
        String prefix = IamInput.pathPrefix(pathPrefix);
        if (scope != null && !scope.equals("All") && !scope.equals("Local") && !scope.equals("AWS")) {
            throw IamInput.invalid("Scope must be one of All, AWS, Local.");
        }
        boolean none = "AWS".equals(scope);
        return IamPaging.fromStore(store, KIND, marker, maxItems, e -> IamRecords.read(e, IamPolicy.class),
                p -> !none && p.path().startsWith(prefix) && (!onlyAttached || p.attachmentCount() > 0));
    }

    public IamPolicyVersion getVersion(String arn, String versionId) {
        IamInput.required(versionId, "versionId");
        return get(arn).version(versionId).orElseThrow(() -> new ApiError(ErrorCode.NO_SUCH_ENTITY,
                "Policy " + arn + " version " + versionId + " does not exist."));
    }

    public List<IamPolicyVersion> listVersions(String arn) {
        List<IamPolicyVersion> versions = new ArrayList<>(get(arn).versions());
        versions.sort((a, b) -> b.createDate().compareTo(a.createDate()));
        return versions;
    }

    public IamPolicyVersion createVersion(String arn, String document, boolean setAsDefault) {
        validator.validate(IamInput.required(document, "policyDocument"), false);
        IamPolicy changed = change(arn, policy -> {
            if (policy.versions().size() >= IamPolicy.MAX_VERSIONS) {
                throw new ApiError(ErrorCode.LIMIT_EXCEEDED, "A managed policy can have up to 5 versions. Before you"
                        + " create a new version, you must delete an existing version.");
            }
            Instant now = clock.instant();
            String id = "v" + policy.nextVersion();
            List<IamPolicyVersion> versions = new ArrayList<>(policy.versions());
            versions.add(new IamPolicyVersion(id, document, now));
            return policy.withVersions(versions, setAsDefault ? id : policy.defaultVersionId(), policy.nextVersion() + 1, now);
        });
        return changed.versions().get(changed.versions().size() - 1);
    }

    public void setDefaultVersion(String arn, String versionId) {
        IamInput.required(versionId, "versionId");
        change(arn, policy -> {
            if (policy.version(versionId).isEmpty()) {
                throw new ApiError(ErrorCode.NO_SUCH_ENTITY, "Policy " + arn + " version " + versionId + " does not exist.");
            }
            return policy.withVersions(policy.versions(), versionId, policy.nextVersion(), clock.instant());
        });
    }

    public void deleteVersion(String arn, String versionId) {
        IamInput.required(versionId, "versionId");
        change(arn, policy -> {
            if (policy.version(versionId).isEmpty()) {
                throw new ApiError(ErrorCode.NO_SUCH_ENTITY, "Policy " + arn + " version " + versionId + " does not exist.");
            }
            if (policy.defaultVersionId().equals(versionId)) {
                throw new ApiError(ErrorCode.DELETE_CONFLICT, "Cannot delete the default version of a policy.");
            }
            List<IamPolicyVersion> versions = new ArrayList<>(policy.versions());
            versions.removeIf(v -> v.versionId().equals(versionId));
            return policy.withVersions(versions, policy.defaultVersionId(), policy.nextVersion(), clock.instant());
        });
    }

    public void delete(String arn) {
        IamRecords.mutate(store, () -> {
            String id = key(get(arn).policyName());
            StoredEntity row = store.get(KIND, id).orElseThrow(() -> notFound(arn));
            IamPolicy policy = IamRecords.read(row, IamPolicy.class);
            if (policy.attachmentCount() > 0) {
                throw new ApiError(ErrorCode.DELETE_CONFLICT, "Cannot delete a policy attached to entities.");
            }
            if (policy.versions().size() > 1) {
                throw new ApiError(ErrorCode.DELETE_CONFLICT, "This policy has more than one version. Before you"
                        + " delete a policy, you must delete the policy's versions. The default version is deleted"
                        + " with the policy.");
            }
            // A versioned no-op update first: it fails (and we retry) if an attach committed after our
            // read, and it holds the row so no attach can commit before the delete does.
            try {
                store.update(KIND, id, row.json(), row.version());
            } catch (EntityNotFoundException e) {
                throw notFound(arn);
            }
            store.delete(KIND, id);
            return null;
        });
    }

    /** Changes AttachmentCount by {@code delta}; call inside the transaction that changes the role. */
    IamPolicy adjustAttachments(String arn, int delta) {
        return change(arn, p -> p.withAttachmentCount(Math.max(0, p.attachmentCount() + delta)));
    }

    Optional<IamPolicy> byArn(String arn) {
        String prefix = "arn:aws:iam::" + accountId + ":policy/";
        if (arn == null || !arn.startsWith(prefix)) {
            return Optional.empty();
        }
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return IamRecords.find(store, KIND, key(name), IamPolicy.class).filter(p -> p.arn().equals(arn));
    }

    static ApiError notFound(String arn) {
        return new ApiError(ErrorCode.NO_SUCH_ENTITY, "Policy " + arn + " does not exist or is not attachable.");
    }

    private IamPolicy change(String arn, UnaryOperator<IamPolicy> edit) {
        return IamRecords.mutate(store, () -> {
            IamPolicy current = get(arn);
            StoredEntity row = store.get(KIND, key(current.policyName())).orElseThrow(() -> notFound(arn));
            IamPolicy next = edit.apply(IamRecords.read(row, IamPolicy.class));
            try {
                store.update(KIND, key(current.policyName()), IamRecords.write(next), row.version());
            } catch (EntityNotFoundException e) {
                throw notFound(arn);
            }
            return next;
        });
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
