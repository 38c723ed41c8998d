package dev.quire.identity.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What is being asked: the action, the resource ARN, who asks (for trust policies) and the
 * condition keys. Immutable. Condition key names are case-insensitive (stored lower-cased);
 * values are case-sensitive and kept in order.
 */
public final class RequestContext {
    /** A concrete action: no wildcards, exactly one service prefix. */
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9-]+:[A-Za-z0-9_-]+");

    private final String action;
    private final String resource;
    private final PrincipalType principalType;
    private final List<String> principals;
    private final Map<String, List<String>> keys;

    private RequestContext(Builder b) {
        this.action = Objects.requireNonNull(b.action, "action");
        this.resource = b.resource == null ? "*" : b.resource;
        this.principalType = b.principalType;
        this.principals = List.copyOf(b.principals);
        this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(b.keys));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** e.g. "qbusiness:ChatSync", as the caller sent it. */
    public String action() {
        return action;
    }

    /** The resource ARN, or "*" for actions that take no resource. */
    public String resource() {
        return resource;
    }

    /** Null when the caller is not named (identity-policy evaluation needs none). */
    public PrincipalType principalType() {
        return principalType;
    }

    /** The caller's identifiers: e.g. its ARN, an OIDC provider ARN, a service name. */
    public List<String> principals() {
        return principals;
    }

    /** Values of a condition key (name case-insensitive); empty when absent. */
    public List<String> values(String key) {
        List<String> v = keys.get(normalize(key));
        return v == null ? List.of() : v;
    }

    public boolean hasKey(String key) {
        return keys.containsKey(normalize(key));
    }

    /** The value when the key has exactly one, else null (policy variables need one value). */
    String singleValue(String key) {
        List<String> v = keys.get(normalize(key));
        return v != null && v.size() == 1 ? v.get(0) : null;
    }

    /** Condition keys with lower-cased names. */
    public Map<String, List<String>> keys() {
        return keys;
    }

    private static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "RequestContext[action=" + action + ", resource=" + resource + ", principalType=" + principalType
                + ", principals=" + principals + ", keys=" + keys + "]";
    }

    public static final class Builder {
        private String action;
        private String resource;
        private PrincipalType principalType;
        private final List<String> principals = new ArrayList<>();
        private final Map<String, List<String>> keys = new LinkedHashMap<>();

        private Builder() {}

        /** A concrete action such as "qbusiness:ChatSync"; wildcards are refused. */
        public Builder action(String action) {
            Objects.requireNonNull(action, "action");
            if (!ACTION.matcher(action).matches()) {
                throw new IllegalArgumentException("Not a concrete service:Action: " + action);
            }
            this.action = action;
            return this;
        }

        public Builder resource(String resourceArn) {
            this.resource = Objects.requireNonNull(resourceArn, "resource");
            return this;
        }

        /** Who calls; ANONYMOUS takes no identifiers, the other types at least one. */
        public Builder principal(PrincipalType type, String... identifiers) {
            Objects.requireNonNull(type, "principal type");
            if (type == PrincipalType.ANONYMOUS && identifiers.length > 0) {
                throw new IllegalArgumentException("An anonymous principal has no identifiers");
            }
            if (type != PrincipalType.ANONYMOUS && identifiers.length == 0) {
                throw new IllegalArgumentException("Principal " + type + " needs at least one identifier");
            }
            for (String id : identifiers) {
                Objects.requireNonNull(id, "principal identifier");
            }
            this.principalType = type;
            this.principals.clear();
            this.principals.addAll(List.of(identifiers));
            return this;
        }

        public Builder key(String name, String... values) {
            return key(name, List.of(values));
        }

        /**
         * Sets a condition key. An empty list means the key is absent. Setting the same name twice
         * (in any case) is refused so that one caller-supplied spelling cannot shadow another.
         */
        public Builder key(String name, List<String> values) {
            Objects.requireNonNull(name, "key name");
            String k = normalize(name);
            if (k.isBlank()) {
                throw new IllegalArgumentException("Blank condition key name");
            }
            if (keys.containsKey(k)) {
                throw new IllegalArgumentException("Condition key given twice: " + name);
            }
            List<String> copy = List.copyOf(values); // rejects null elements
            if (!copy.isEmpty()) {
                keys.put(k, copy);
            }
            return this;
        }

        public Builder keys(Map<String, List<String>> all) {
            all.forEach(this::key);
            return this;
        }

        public RequestContext build() {
            return new RequestContext(this);
        }
    }
}
