package dev.quire.identity.iam;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Structural checks only (the full policy grammar lives elsewhere): one JSON object without
 * duplicate keys, a known Version, statements whose Effect is Allow or Deny, Principal exactly
 * where IAM demands it, and IAM's size limits, which (as in IAM) do not count whitespace.
 */
public final class BasicPolicyDocumentValidator implements PolicyDocumentValidator {
    public static final int MAX_TRUST_POLICY_CHARS = 2048;
    public static final int MAX_PERMISSION_POLICY_CHARS = 6144;
    /** The IAM API's hard cap on the parameter itself, whitespace included. */
    static final int MAX_RAW_CHARS = 131072;
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    // Duplicate keys are rejected: a validator and an evaluator reading different values is a bypass.
    private static final ObjectMapper STRICT = new ObjectMapper(JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public void validate(String policyJson, boolean isTrustPolicy) {
        if (policyJson == null || policyJson.isBlank()) {
            throw malformed("Syntax errors in policy.");
        }
        int limit = isTrustPolicy ? MAX_TRUST_POLICY_CHARS : MAX_PERMISSION_POLICY_CHARS;
        if (policyJson.length() > MAX_RAW_CHARS || policyJson.codePoints().filter(c -> !Character.isWhitespace(c)).count() > limit) {
            throw new ApiError(ErrorCode.LIMIT_EXCEEDED, "Cannot exceed quota for "
                    + (isTrustPolicy ? "ACLSizePerRole" : "PolicySize") + ": " + limit);
        }
        JsonNode root;
        try {
            root = STRICT.readTree(policyJson);
        } catch (JsonProcessingException e) {
            throw malformed("Syntax errors in policy.");
        }
        if (root == null || !root.isObject()) {
            throw malformed("Syntax errors in policy.");
        }
        JsonNode version = root.get("Version");
        if (version == null || !version.isTextual() || !VERSIONS.contains(version.asText())) {
            throw malformed("The policy must contain a valid version string");
        }
        for (JsonNode statement : statements(root.get("Statement"))) {
            checkStatement(statement, isTrustPolicy);
        }
    }

    private static List<JsonNode> statements(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node != null && node.isObject()) {
            out.add(node);
        } else if (node != null && node.isArray() && !node.isEmpty()) {
            node.forEach(out::add);
        } else {
            throw malformed("Missing required field Statement");
        }
        return out;
    }

    private static void checkStatement(JsonNode s, boolean isTrustPolicy) {
        if (!s.isObject()) {
            throw malformed("Syntax errors in policy.");
        }
        JsonNode effect = s.get("Effect");
        if (effect == null || !effect.isTextual()) {
            throw malformed("Missing required field Effect");
        }
        if (!effect.asText().equals("Allow") && !effect.asText().equals("Deny")) {
            throw malformed("Invalid effect: " + effect.asText());
        }
        if (!s.has("Action") && !s.has("NotAction")) {
            throw malformed("Missing required field Action");
        }
        boolean hasPrincipal = s.has("Principal") || s.has("NotPrincipal");
        if (isTrustPolicy && !hasPrincipal) {
            throw malformed("Missing required field Principal");
        }
        if (!isTrustPolicy && hasPrincipal) {
            throw malformed("Policy document should not specify a principal.");
        }
        if (!isTrustPolicy && !s.has("Resource") && !s.has("NotResource")) {
            throw malformed("Policy statement must contain resources.");
        }
    }

    private static ApiError malformed(String reason) {
        return new ApiError(ErrorCode.MALFORMED_POLICY_DOCUMENT, reason);
    }
}
