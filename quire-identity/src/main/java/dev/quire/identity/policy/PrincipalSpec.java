package dev.quire.identity.policy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A Principal or NotPrincipal element: {@code "*"} (everyone) or identifiers per principal type.
 * {@code {"AWS": "*"}} is everyone too, as in IAM.
 */
public record PrincipalSpec(boolean everyone, Map<PrincipalType, List<String>> identifiers) {
    public PrincipalSpec {
        EnumMap<PrincipalType, List<String>> copy = new EnumMap<>(PrincipalType.class);
        identifiers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        identifiers = java.util.Collections.unmodifiableMap(copy);
    }

    static PrincipalSpec everyoneSpec() {
        return new PrincipalSpec(true, Map.of());
    }

    /** Whether the caller in {@code ctx} is named by this element. */
    boolean matches(RequestContext ctx) {
        if (everyone || identifiers.getOrDefault(PrincipalType.AWS, List.of()).contains("*")) {
            return true;
        }
        PrincipalType type = ctx.principalType();
        // An anonymous (or unnamed) caller has no identifiers, so only "everyone" above names it.
        List<String> named = type == null ? List.of() : identifiers.getOrDefault(type, List.of());
        for (String id : named) {
            if (id.equals("*")) {
                return true;
            }
            for (String caller : ctx.principals()) {
                if (id.equals(caller) || (type == PrincipalType.AWS && accountRootCovers(id, caller))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * "123456789012" and "arn:aws:iam::123456789012:root" name the whole account: any AWS
     * principal whose ARN has that account field (the account then delegates to its own policies).
     */
    private static boolean accountRootCovers(String policyId, String callerArn) {
        String account = null;
        if (policyId.matches("\\d{12}")) {
            account = policyId;
        } else {
            String[] p = policyId.split(":", 6);
            if (p.length == 6 && p[0].equals("arn") && p[2].equals("iam") && p[5].equals("root")) {
                account = p[4];
            }
        }
        if (account == null) {
            return false;
        }
        String[] c = callerArn.split(":", 6);
        return c.length == 6 && c[0].equals("arn") && c[4].equals(account);
    }
}
