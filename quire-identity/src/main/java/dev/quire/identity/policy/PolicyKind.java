package dev.quire.identity.policy;

/** Where a policy is attached, which decides the elements it must and must not have. */
public enum PolicyKind {
    /** Attached to a user, group or role: needs Resource/NotResource, has no Principal. */
    IDENTITY,
    /** A role's trust (assume-role) policy: needs Principal/NotPrincipal, has no Resource. */
    TRUST
}
