package dev.quire.identity.policy;

/** The kind of caller, and the key under which a policy's Principal element names it. */
public enum PrincipalType {
    AWS("AWS"),
    FEDERATED("Federated"),
    SERVICE("Service"),
    /** An unsigned caller: matched only by {@code "Principal": "*"} (or {@code {"AWS": "*"}}). */
    ANONYMOUS(null);

    private final String policyKey;

    PrincipalType(String policyKey) {
        this.policyKey = policyKey;
    }

    /** The key in a Principal block ("AWS", "Federated", "Service"); null for ANONYMOUS. */
    public String policyKey() {
        return policyKey;
    }

    static PrincipalType fromPolicyKey(String key) {
        for (PrincipalType t : values()) {
            if (key.equals(t.policyKey)) {
                return t;
            }
        }
        return null;
    }
}
