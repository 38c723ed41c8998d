package dev.quire.identity.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Parses a Principal/NotPrincipal element, refusing the shapes IAM refuses. */
final class PrincipalParser {
    private PrincipalParser() {}

    static PrincipalSpec parse(JsonNode p, String where) {
        if (p.isTextual()) {
            if (p.asText().equals("*")) {
                return PrincipalSpec.everyoneSpec();
            }
            throw new MalformedPolicyException(where + "Principal must be \"*\" or an object keyed by AWS, Federated or Service");
        }
        if (!p.isObject() || p.size() == 0) {
            throw new MalformedPolicyException(where + "Principal must be \"*\" or an object keyed by AWS, Federated or Service");
        }
        Map<PrincipalType, List<String>> ids = new EnumMap<>(PrincipalType.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            PrincipalType type = PrincipalType.fromPolicyKey(e.getKey());
            if (type == null) {
                throw new MalformedPolicyException(where + "unsupported principal type " + e.getKey() + " (use AWS, Federated or Service)");
            }
            List<String> values = PolicyParser.strings(e.getValue(), where + "Principal " + e.getKey());
            for (String v : values) {
                check(type, v, where);
            }
            ids.put(type, values);
        }
        return new PrincipalSpec(false, ids);
    }

    private static void check(PrincipalType type, String v, String where) {
        String invalid = where + "Invalid principal in policy: " + type.policyKey() + " " + v;
        if (v.equals("*")) {
            if (type != PrincipalType.AWS) {
                throw new MalformedPolicyException(invalid + " (only \"*\" or {\"AWS\": \"*\"} may name everyone)");
            }
            return;
        }
        if (v.indexOf('*') >= 0 || v.indexOf('?') >= 0) {
            throw new MalformedPolicyException(invalid + " (wildcards are not allowed in principals)");
        }
        if (v.chars().anyMatch(Character::isWhitespace)) {
            throw new MalformedPolicyException(invalid);
        }
        if (type == PrincipalType.AWS && !v.matches("\\d{12}") && !v.startsWith("arn:")) {
            throw new MalformedPolicyException(invalid + " (an account id or an ARN)");
        }
    }
}
