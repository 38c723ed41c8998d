package dev.quire.identity.iam;

/**
 * Checks a policy document before IAM stores it. Implementations throw
 * {@code ApiError(ErrorCode.MALFORMED_POLICY_DOCUMENT, reason)} when the document is unacceptable.
 */
@FunctionalInterface
public interface PolicyDocumentValidator {
    /**
     * @param policyJson    the document exactly as the caller sent it
     * @param isTrustPolicy true for a role's AssumeRolePolicyDocument (principals required, smaller limit)
     */
    void validate(String policyJson, boolean isTrustPolicy);
}
