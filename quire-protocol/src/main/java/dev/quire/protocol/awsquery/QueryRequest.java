package dev.quire.protocol.awsquery;

import dev.quire.protocol.http.StrictDecoding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decoded awsQuery request (IAM, STS): {@code Action}, {@code Version} and flat parameters,
 * with helpers for the {@code Name.member.N} list encoding.
 */
public final class QueryRequest {
    private final String action;
    private final String version;
    private final Map<String, String> params;

    private QueryRequest(String action, String version, Map<String, String> params) {
        this.action = action;
        this.version = version;
        this.params = params;
    }

    /**
     * Parses an application/x-www-form-urlencoded body (and, like AWS, the query string too).
     *
     * @throws IllegalArgumentException on malformed encoding, bad UTF-8, duplicate or missing Action
     */
    public static QueryRequest parse(String rawQuery, byte[] body) {
        Map<String, String> params = new LinkedHashMap<>();
        addPairs(rawQuery, params);
        addPairs(StrictDecoding.utf8(body), params);
        String action = params.remove("Action");
        if (action == null || action.isEmpty()) {
            throw new IllegalArgumentException("the request has no Action parameter");
        }
        return new QueryRequest(action, params.remove("Version"), Collections.unmodifiableMap(params));
    }

    private static void addPairs(String encoded, Map<String, String> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = StrictDecoding.percentDecode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : StrictDecoding.percentDecode(pair.substring(eq + 1), true);
            if (into.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("parameter " + name + " is given more than once");
            }
        }
    }

    public String action() { return action; }
    public String version() { return version; }
    public Map<String, String> params() { return params; }

    /** The parameter's value, or null when absent. */
    public String get(String name) {
        return params.get(name);
    }

    /** {@code Name.member.1 … Name.member.N} in order; stops at the first gap, as AWS does. */
    public List<String> list(String name) {
        List<String> out = new ArrayList<>();
        for (int i = 1; ; i++) {
            String v = params.get(name + ".member." + i);
            if (v == null) {
                return out;
            }
            out.add(v);
        }
    }

    /** {@code Name.member.N.Field} structures, e.g. Tags: each map holds Field -> value. */
    public List<Map<String, String>> structList(String name) {
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 1; ; i++) {
            String prefix = name + ".member." + i + ".";
            Map<String, String> item = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : params.entrySet()) {
                if (e.getKey().startsWith(prefix)) {
                    item.put(e.getKey().substring(prefix.length()), e.getValue());
                }
            }
            if (item.isEmpty()) {
                return out;
            }
            out.add(item);
        }
    }
}
