package dev.quire.identity.iam;

import dev.quire.identity.policy.MalformedPolicyException;
import dev.quire.identity.policy.ParseOptions;
import dev.quire.identity.policy.PolicyDocument;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;

/**
 * The validator the server uses: IAM's structural and size rules first (size errors are
 * LimitExceeded, as in IAM), then the full policy grammar of the evaluator itself, so a policy
 * that is accepted on write is exactly a policy the evaluator understands.
 */
public final class GrammarPolicyDocumentValidator implements PolicyDocumentValidator {
    private final PolicyDocumentValidator structural = new BasicPolicyDocumentValidator();

    @Override
    public void validate(String policyJson, boolean isTrustPolicy) {
        structural.validate(policyJson, isTrustPolicy);
        try {
            PolicyDocument.parse(policyJson,
                    (isTrustPolicy ? ParseOptions.trustPolicy() : ParseOptions.identityPolicy()).withMaxChars(0));
        } catch (MalformedPolicyException e) {
            throw new ApiError(ErrorCode.MALFORMED_POLICY_DOCUMENT, e.getMessage());
        }
    }
}
