package dev.quire.identity.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** JSON text to a validated {@link PolicyDocument}; every refusal says what is wrong. */
final class PolicyParser {
    static final String SYNTAX = "Syntax errors in policy";

    private static final ObjectMapper JSON = JsonMapper.builder()
            // Duplicate keys would let two readers of one document see two different policies.
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_FIELDS = Set.of(
            "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition");
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]*");
    /** "*" or "service:pattern"; wildcards allowed, no variables (IAM never substitutes in Action). */
    private static final Pattern ACTION = Pattern.compile("\\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?_-]+");
    private static final Pattern CONDITION_KEY = Pattern.compile("[^:\\s]+:\\S+");

    private PolicyParser() {}

    static PolicyDocument parse(String json, int maxChars) {
        if (json == null) {
            throw new MalformedPolicyException(SYNTAX + ": the document is missing");
        }
        if (json.length() > ParseOptions.HARD_MAX_RAW_CHARS) {
            throw new MalformedPolicyException("Cannot exceed quota for PolicySize: document is too large to parse");
        }
        if (maxChars > 0) {
            long size = json.chars().filter(c -> !Character.isWhitespace(c)).count();
            if (size > maxChars) {
                throw new MalformedPolicyException("Cannot exceed quota for PolicySize: " + maxChars
                        + " (this policy has " + size + " characters, whitespace not counted)");
            }
        }
        JsonNode root = readTree(json);
        if (!root.isObject()) {
            throw new MalformedPolicyException(SYNTAX + ": the document must be a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!TOP_LEVEL.contains(f)) {
                throw new MalformedPolicyException(SYNTAX + ": unknown top-level field " + f + " (allowed: Version, Id, Statement)");
            }
        }
        String version = PolicyDocument.VERSION_2008;
        JsonNode v = root.get("Version");
        if (v != null) {
            if (!v.isTextual() || !(v.asText().equals(PolicyDocument.VERSION_2012) || v.asText().equals(PolicyDocument.VERSION_2008))) {
                throw new MalformedPolicyException("Version must be " + PolicyDocument.VERSION_2012 + " or " + PolicyDocument.VERSION_2008);
            }
            version = v.asText();
        }
        String id = null;
        JsonNode idNode = root.get("Id");
        if (idNode != null) {
            if (!idNode.isTextual()) {
                throw new MalformedPolicyException("Id must be a string");
            }
            id = idNode.asText();
        }
        JsonNode st = root.get("Statement");
        if (st == null) {
            throw new MalformedPolicyException("Policy needs a Statement");
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (st.isObject()) {
            nodes.add(st);
        } else if (st.isArray()) {
            st.forEach(nodes::add);
        } else {
            throw new MalformedPolicyException("Statement must be an object or an array of objects");
        }
        if (nodes.isEmpty()) {
            throw new MalformedPolicyException("Statement must not be empty");
        }
        boolean variables = PolicyDocument.VERSION_2012.equals(version);
        List<Statement> statements = new ArrayList<>();
        Set<String> sids = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            Statement s = statement(nodes.get(i), i + 1, variables);
            if (s.sid() != null && !s.sid().isEmpty() && !sids.add(s.sid())) {
                throw new MalformedPolicyException("Statement IDs (SID) in a single policy must be unique: duplicate Sid " + s.sid());
            }
            statements.add(s);
        }
        return new PolicyDocument(version, id, statements, null);
    }

    private static JsonNode readTree(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || n.isMissingNode()) {
                throw new MalformedPolicyException(SYNTAX + ": the document is empty");
            }
            return n;
        } catch (JsonProcessingException e) {
            String detail = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? ": " + e.getOriginalMessage().replace("'", "")
                    : "";
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new MalformedPolicyException(SYNTAX + detail + where);
        }
    }

    private static Statement statement(JsonNode node, int index, boolean variables) {
        String where = "Statement " + index + ": ";
        if (!node.isObject()) {
            throw new MalformedPolicyException(where + "a statement must be a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!STATEMENT_FIELDS.contains(f)) {
                throw new MalformedPolicyException(where + "unknown field " + f);
            }
        }
        String sid = null;
        if (node.has("Sid")) {
            JsonNode s = node.get("Sid");
            if (!s.isTextual() || !SID.matcher(s.asText()).matches()) {
                throw new MalformedPolicyException(where + "Statement IDs (SID) must be alpha-numeric");
            }
            sid = s.asText().isEmpty() ? null : s.asText();
        }
        JsonNode e = node.get("Effect");
        StatementEffect effect;
        if (e != null && e.isTextual() && e.asText().equals("Allow")) {
            effect = StatementEffect.ALLOW;
        } else if (e != null && e.isTextual() && e.asText().equals("Deny")) {
            effect = StatementEffect.DENY;
        } else {
            throw new MalformedPolicyException(where + "Effect must be Allow or Deny");
        }
        boolean notAction = exclusive(node, "Action", "NotAction", where, true);
        List<String> actions = strings(node.get(notAction ? "NotAction" : "Action"), where + (notAction ? "NotAction" : "Action"));
        for (String a : actions) {
            if (!ACTION.matcher(a).matches()) {
                throw new MalformedPolicyException(where + "Action " + a + " must be \"*\" or service:Action (e.g. qbusiness:ChatSync)");
            }
        }
        boolean notResource = exclusive(node, "Resource", "NotResource", where, false);
        List<ValueTemplate> resources = new ArrayList<>();
        JsonNode r = node.get(notResource ? "NotResource" : "Resource");
        if (r != null) {
            for (String res : strings(r, where + (notResource ? "NotResource" : "Resource"))) {
                if (!res.equals("*") && !res.startsWith("arn:")) {
                    throw new MalformedPolicyException(where + "Resource " + res + " must be in ARN format or \"*\"");
                }
                resources.add(template(res, variables, where));
            }
        }
        boolean notPrincipal = exclusive(node, "Principal", "NotPrincipal", where, false);
        PrincipalSpec principal = null;
        JsonNode p = node.get(notPrincipal ? "NotPrincipal" : "Principal");
        if (p != null) {
            principal = PrincipalParser.parse(p, where);
            if (notPrincipal && effect == StatementEffect.ALLOW) {
                // NotPrincipal with Allow grants to everyone but a list: refused as too easy to misuse.
                throw new MalformedPolicyException(where + "NotPrincipal may only be used with Effect Deny");
            }
        }
        List<Condition> conditions = node.has("Condition")
                ? conditions(node.get("Condition"), where, variables)
                : List.of();
        return new Statement(index, sid, effect, principal, notPrincipal, actions, notAction, resources, notResource, conditions);
    }

    /** @return true when the Not form is present; refuses both forms, and neither when required */
    private static boolean exclusive(JsonNode node, String plain, String not, String where, boolean required) {
        boolean hasPlain = node.has(plain);
        boolean hasNot = node.has(not);
        if (hasPlain && hasNot) {
            throw new MalformedPolicyException(where + "Statement may have " + plain + " or " + not + ", not both");
        }
        if (required && !hasPlain && !hasNot) {
            throw new MalformedPolicyException(where + "Statement needs " + plain + " or " + not);
        }
        return hasNot;
    }

    /** A string or a non-empty array of strings. */
    static List<String> strings(JsonNode n, String what) {
        List<String> out = new ArrayList<>();
        if (n.isTextual()) {
            out.add(n.asText());
        } else if (n.isArray() && n.size() > 0) {
            for (JsonNode e : n) {
                if (!e.isTextual()) {
                    throw new MalformedPolicyException(what + " values must be strings");
                }
                out.add(e.asText());
            }
        } else {
            throw new MalformedPolicyException(what + " must be a string or a non-empty array of strings");
        }
        for (String s : out) {
            if (s.isEmpty()) {
                throw new MalformedPolicyException(what + " values must not be empty");
            }
        }
        return out;
    }

    private static List<Condition> conditions(JsonNode c, String where, boolean variables) {
        if (!c.isObject()) {
            throw new MalformedPolicyException(where + "Condition must be an object of operator: {key: value}");
        }
        List<Condition> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> ops = c.fields(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            ConditionOperator operator = ConditionOperator.parse(op.getKey());
            JsonNode block = op.getValue();
            if (!block.isObject() || block.size() == 0) {
                throw new MalformedPolicyException(where + "condition operator " + op.getKey() + " needs a non-empty {key: value} object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> keys = block.fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> k = keys.next();
                if (!CONDITION_KEY.matcher(k.getKey()).matches()) {
                    throw new MalformedPolicyException(where + "condition key " + k.getKey() + " must be prefixed by a vendor, e.g. aws:username");
                }
                List<ValueTemplate> values = new ArrayList<>();
                for (String raw : conditionValues(k.getValue(), where + "condition " + op.getKey() + " " + k.getKey())) {
                    values.add(ConditionValues.validate(operator, raw, template(raw, variables, where), where + op.getKey() + " " + k.getKey()));
                }
                out.add(new Condition(operator, k.getKey(), values));
            }
        }
        return out;
    }

    /** A condition value is a string, number or boolean, or a non-empty array of them. */
    private static List<String> conditionValues(JsonNode n, String what) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            if (n.size() == 0) {
                throw new MalformedPolicyException(what + ": values must not be an empty array");
            }
            for (JsonNode e : n) {
                out.add(scalar(e, what));
            }
        } else {
            out.add(scalar(n, what));
        }
        return out;
    }

    private static String scalar(JsonNode n, String what) {
        if (n.isTextual() || n.isNumber() || n.isBoolean()) {
            return n.isBigDecimal() ? n.decimalValue().toPlainString() : n.asText();
        }
        throw new MalformedPolicyException(what + ": values must be strings, numbers or booleans");
    }

    private static ValueTemplate template(String raw, boolean variables, String where) {
        try {
            return ValueTemplate.parse(raw, variables);
        } catch (IllegalArgumentException e) {
            throw new MalformedPolicyException(where + e.getMessage());
        }
    }
}
