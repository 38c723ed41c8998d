package dev.quire.identity.iam;

import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.store.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a role may do: managed policies attached to it (keeping each policy's AttachmentCount in
 * the same transaction) and inline policies embedded in it.
 */
public final class RolePolicies {
    /** The highest quota of managed policies per role that AWS grants. */
    public static final int MAX_ATTACHED = 20;
    /** IAM's aggregate inline policy size per role, whitespace not counted. */
    public static final int MAX_INLINE_CHARS = 10240;

    private final IamRoles roles;
    private final IamPolicies policies;
    private final PolicyDocumentValidator validator;
    private final dev.quire.spi.store.MetadataStore store;

    public RolePolicies(dev.quire.spi.store.MetadataStore store, IamRoles roles, IamPolicies policies,
                        PolicyDocumentValidator validator) {
        this.store = store;
        this.roles = roles;
        this.policies = policies;
        this.validator = validator;
    }

    /** Idempotent: attaching an attached policy changes nothing. */
    public void attach(String roleName, String policyArn) {
        IamInput.required(policyArn, "policyArn");
        IamRecords.mutate(store, () -> roles.change(roleName, role -> {
            if (role.attachedPolicyArns().contains(policyArn)) {
                return role;
            }
            if (role.attachedPolicyArns().size() >= MAX_ATTACHED) {
                throw new ApiError(ErrorCode.LIMIT_EXCEEDED, "Cannot exceed quota for PoliciesPerRole: " + MAX_ATTACHED);
            }
            policies.adjustAttachments(policyArn, +1);
            List<String> arns = new ArrayList<>(role.attachedPolicyArns());
            arns.add(policyArn);
            return role.withAttached(arns);
        }));
    }

    public void detach(String roleName, String policyArn) {
        IamInput.required(policyArn, "policyArn");
        IamRecords.mutate(store, () -> roles.change(roleName, role -> {
            if (!role.attachedPolicyArns().contains(policyArn)) {
                throw new ApiError(ErrorCode.NO_SUCH_ENTITY, "Policy " + policyArn + " was not found.");
            }
            if (policies.byArn(policyArn).isPresent()) {
                policies.adjustAttachments(policyArn, -1);
            }
            List<String> arns = new ArrayList<>(role.attachedPolicyArns());
            arns.remove(policyArn);
            return role.withAttached(arns);
        }));
    }

    /** Attached policy ARNs, sorted, filtered by the policy path taken from the ARN. */
    public Page<String> listAttached(String roleName, String pathPrefix, String marker, Integer maxItems) {
        String prefix = IamInput.pathPrefix(pathPrefix);
        List<String> arns = new ArrayList<>(roles.get(roleName).attachedPolicyArns());
        arns.removeIf(arn -> !pathOf(arn).startsWith(prefix));
        arns.sort(null);
        return IamPaging.fromSorted(arns, a -> a, marker, maxItems);
    }

    public void putInline(String roleName, String policyName, String document) {
        IamInput.name(policyName, "policyName", IamInput.POLICY_NAME);
        validator.validate(IamInput.required(document, "policyDocument"), false);
        roles.change(roleName, role -> {
            Map<String, String> inline = new TreeMap<>(role.inlinePolicies());
            inline.put(policyName, document);
            long total = inline.values().stream()
                    .mapToLong(d -> d.codePoints().filter(c -> !Character.isWhitespace(c)).count()).sum();
            if (total > MAX_INLINE_CHARS) {
                throw new ApiError(ErrorCode.LIMIT_EXCEEDED, "Maximum policy size of " + MAX_INLINE_CHARS
                        + " bytes exceeded for role " + role.roleName());
            }
            return role.withInline(inline);
        });
    }

    public String getInline(String roleName, String policyName) {
        IamInput.required(policyName, "policyName");
        String document = roles.get(roleName).inlinePolicies().get(policyName);
        if (document == null) {
            throw inlineNotFound(policyName);
        }
        return document;
    }

    public void deleteInline(String roleName, String policyName) {
        IamInput.required(policyName, "policyName");
        roles.change(roleName, role -> {
            if (!role.inlinePolicies().containsKey(policyName)) {
                throw inlineNotFound(policyName);
            }
            Map<String, String> inline = new TreeMap<>(role.inlinePolicies());
            inline.remove(policyName);
            return role.withInline(inline);
        });
    }

    public Page<String> listInline(String roleName, String marker, Integer maxItems) {
        List<String> names = new ArrayList<>(roles.get(roleName).inlinePolicies().keySet());
        names.sort(null);
        return IamPaging.fromSorted(names, n -> n, marker, maxItems);
    }

    /** The policy path inside a policy ARN, e.g. "/team/" for arn:aws:iam::1:policy/team/P. */
    static String pathOf(String policyArn) {
        int start = policyArn.indexOf(":policy/");
        int end = policyArn.lastIndexOf('/');
        return start < 0 ? "/" : policyArn.substring(start + ":policy".length(), end + 1);
    }

    private static ApiError inlineNotFound(String policyName) {
        return new ApiError(ErrorCode.NO_SUCH_ENTITY, "The role policy with name " + policyName + " cannot be found.");
    }
}
