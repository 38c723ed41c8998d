package dev.quire.identity.iam;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An IAM role as stored: the trust policy says who may assume it, attached policies what it may do.
 * Tags keep their given order; inline policies are kept sorted by name, as IAM lists them.
 */
public record IamRole(String roleName, String roleId, String path, String arn, String assumeRolePolicyDocument,
                      String description, int maxSessionDuration, Map<String, String> tags,
                      List<String> attachedPolicyArns, Map<String, String> inlinePolicies, Instant createDate) {
    public IamRole {
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        attachedPolicyArns = attachedPolicyArns == null ? List.of() : List.copyOf(attachedPolicyArns);
        inlinePolicies = inlinePolicies == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(inlinePolicies));
    }

    IamRole withTrustPolicy(String document) {
        return new IamRole(roleName, roleId, path, arn, document, description, maxSessionDuration, tags,
                attachedPolicyArns, inlinePolicies, createDate);
    }

    IamRole withSettings(String newDescription, int newMaxSessionDuration) {
        return new IamRole(roleName, roleId, path, arn, assumeRolePolicyDocument, newDescription,
                newMaxSessionDuration, tags, attachedPolicyArns, inlinePolicies, createDate);
    }

    IamRole withAttached(List<String> arns) {
        return new IamRole(roleName, roleId, path, arn, assumeRolePolicyDocument, description, maxSessionDuration,
                tags, arns, inlinePolicies, createDate);
    }

    IamRole withInline(Map<String, String> policies) {
        return new IamRole(roleName, roleId, path, arn, assumeRolePolicyDocument, description, maxSessionDuration,
                tags, attachedPolicyArns, policies, createDate);
    }
}
