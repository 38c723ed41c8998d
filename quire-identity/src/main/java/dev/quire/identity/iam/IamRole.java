package dev.quire.identity.iam;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An IAM role as stored: the trust policy says who may assume it, attached policies what it may do. */
public record IamRole(String roleName, String roleId, String path, String arn, String assumeRolePolicyDocument,
                      String description, int maxSessionDuration, Map<String, String> tags,
                      List<String> attachedPolicyArns, Map<String, String> inlinePolicies, Instant createDate) {
    public IamRole {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        attachedPolicyArns = attachedPolicyArns == null ? List.of() : List.copyOf(attachedPolicyArns);
        inlinePolicies = inlinePolicies == null ? Map.of() : Map.copyOf(inlinePolicies);
    }
}
