package dev.quire.protocol.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Request or response headers: names compared case-insensitively (stored lower-case), values in arrival order. */
public final class Headers {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    public Headers add(String name, String value) {
        values.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(value);
        return this;
    }

    public Headers set(String name, String value) {
        List<String> list = new ArrayList<>(1);
        list.add(value);
        values.put(name.toLowerCase(Locale.ROOT), list);
        return this;
    }

    /** The first value, or null when absent. */
    public String first(String name) {
        List<String> list = values.get(name.toLowerCase(Locale.ROOT));
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    public List<String> all(String name) {
        List<String> list = values.get(name.toLowerCase(Locale.ROOT));
        return list == null ? List.of() : Collections.unmodifiableList(list);
    }

    public boolean has(String name) {
        return values.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** Lower-case names, in arrival order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(values.keySet());
    }
}
