package dev.quire.identity.policy;

/**
 * A policy document that IAM would refuse. The message names what is wrong in words a policy
 * author can act on (it is returned to the caller as the MalformedPolicyDocument reason).
 */
public final class MalformedPolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedPolicyException(String reason) {
        super(reason);
    }
}
