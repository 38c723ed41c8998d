package dev.quire.protocol.restjson;

import dev.quire.protocol.http.StrictDecoding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses a raw query string into name -> values; a bare key ({@code ?sync}) maps to "". */
public final class QueryString {
    private QueryString() {
    }

    public static Map<String, List<String>> parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = StrictDecoding.percentDecode(eq < 0 ? pair : pair.substring(0, eq), false);
            String value = eq < 0 ? "" : StrictDecoding.percentDecode(pair.substring(eq + 1), false);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return Collections.unmodifiableMap(out);
    }
}
