package dev.quire.identity.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders shared by the policy tests. */
final class PolicyTestSupport {
    static final String ACTION = "svc:DoThing";
    static final String RESOURCE = "arn:aws:svc:us-east-1:123456789012:thing/t1";

    private PolicyTestSupport() {}

    /** A one-statement Allow policy on every action and resource, guarded by {op: {key: valuesJson}}. */
    static PolicyDocument conditionPolicy(String operator, String key, String valuesJson) {
        return PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*",
                 "Condition": {"%s": {"%s": %s}}}}""".formatted(operator, key, valuesJson));
    }

    /**
     * Parses "k=v1,v2;k2=v3" into context keys; "k=" gives an empty (absent) key; "" gives none.
     * Values cannot contain ';', ',' or '='.
     */
    static Map<String, List<String>> keys(String spec) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (spec.isEmpty()) {
            return out;
        }
        for (String pair : spec.split(";")) {
            int eq = pair.indexOf('=');
            String values = pair.substring(eq + 1);
            out.put(pair.substring(0, eq), values.isEmpty() ? List.of() : List.of(values.split(",")));
        }
        return out;
    }

    static RequestContext request(String action, String resource, Map<String, List<String>> keys) {
        return RequestContext.builder().action(action).resource(resource).keys(keys).build();
    }

    static Decision.Effect evaluate(PolicyDocument policy, String action, String resource, String keySpec) {
        return PolicyEvaluator.evaluate(List.of(policy), request(action, resource, keys(keySpec))).effect();
    }

    static boolean allowed(PolicyDocument policy, String keySpec) {
        return evaluate(policy, ACTION, RESOURCE, keySpec) == Decision.Effect.ALLOW;
    }

    static PolicyDocument allowPolicy(String actionJson, String resourceJson) {
        return PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": %s, "Resource": %s}]}"""
                .formatted(actionJson, resourceJson));
    }

    static List<String> list(String... s) {
        return new ArrayList<>(List.of(s));
    }
}
