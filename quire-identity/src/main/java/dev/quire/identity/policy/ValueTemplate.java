package dev.quire.identity.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Resource entry or condition value as written in a policy, with its policy variables
 * ({@code ${aws:username}}, {@code ${key, 'default'}}, escapes {@code ${*}} {@code ${?}} {@code ${$}})
 * parsed once. Resolution substitutes values as literal characters, never as wildcards.
 */
public final class ValueTemplate {
    private static final Pattern VARIABLE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:/._@+=\\-]*");

    private sealed interface Part permits Text, Escaped, Variable {}

    private record Text(String text) implements Part {}

    private record Escaped(char c) implements Part {}

    private record Variable(String key, String defaultValue) implements Part {}

    private final String raw;
    private final List<Part> parts;

    private ValueTemplate(String raw, List<Part> parts) {
        this.raw = raw;
        this.parts = List.copyOf(parts);
    }

    /** The value exactly as written in the policy. */
    public String raw() {
        return raw;
    }

    boolean hasVariables() {
        return parts.stream().anyMatch(p -> !(p instanceof Text));
    }

    /**
     * @param variablesEnabled false for Version 2008-10-17, where {@code ${...}} is plain text
     * @throws IllegalArgumentException naming the malformed variable
     */
    static ValueTemplate parse(String raw, boolean variablesEnabled) {
        List<Part> parts = new ArrayList<>();
        if (!variablesEnabled) {
            parts.add(new Text(raw));
            return new ValueTemplate(raw, parts);
        }
        int i = 0;
        StringBuilder text = new StringBuilder();
        while (i < raw.length()) {
            int start = raw.indexOf("${", i);
            if (start < 0) {
                text.append(raw, i, raw.length());
                break;
            }
            text.append(raw, i, start);
            int end = raw.indexOf('}', start + 2);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated policy variable in " + raw);
            }
            if (text.length() > 0) {
                parts.add(new Text(text.toString()));
                text.setLength(0);
            }
            parts.add(parseVariable(raw.substring(start + 2, end), raw));
            i = end + 1;
        }
        if (text.length() > 0) {
            parts.add(new Text(text.toString()));
        }
        return new ValueTemplate(raw, parts);
    }

    private static Part parseVariable(String body, String raw) {
        if (body.equals("*") || body.equals("?") || body.equals("$")) {
            return new Escaped(body.charAt(0));
        }
        String key = body;
        String defaultValue = null;
        int comma = body.indexOf(',');
        if (comma >= 0) {
            key = body.substring(0, comma);
            String rest = body.substring(comma + 1).strip();
            if (rest.length() < 2 || rest.charAt(0) != '\'' || rest.charAt(rest.length() - 1) != '\''
                    || rest.indexOf('\'', 1) != rest.length() - 1) {
                throw new IllegalArgumentException("policy variable default must be one single-quoted value in " + raw);
            }
            defaultValue = rest.substring(1, rest.length() - 1);
        }
        key = key.strip();
        if (!VARIABLE_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("invalid policy variable ${" + body + "} in " + raw);
        }
        return new Variable(key, defaultValue);
    }

    /**
     * @param wildcardsActive whether {@code *} and {@code ?} written in the policy text are wildcards
     * @return the resolved pattern, or null when a variable has no single value and no default
     *     (the caller must then treat this entry as not matching)
     */
    GlobPattern resolve(RequestContext ctx, boolean wildcardsActive) {
        GlobPattern.Builder out = new GlobPattern.Builder();
        for (Part part : parts) {
            if (part instanceof Text t) {
                if (wildcardsActive) {
                    out.appendWildcardText(t.text());
                } else {
                    out.appendLiteral(t.text());
                }
            } else if (part instanceof Escaped e) {
                out.appendLiteral(String.valueOf(e.c()));
            } else if (part instanceof Variable v) {
                String value = ctx.singleValue(v.key());
                if (value == null && !ctx.hasKey(v.key())) {
                    value = v.defaultValue();
                }
                if (value == null) {
                    return null;
                }
                out.appendLiteral(value);
            }
        }
        return out.build();
    }

    @Override
    public String toString() {
        return raw;
    }
}
