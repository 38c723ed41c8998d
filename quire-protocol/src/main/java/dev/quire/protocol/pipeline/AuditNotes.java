package dev.quire.protocol.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/** Facts stages add for the audit line of the current request (e.g. decision, statement). */
public final class AuditNotes {
    private final Map<String, Object> notes = new LinkedHashMap<>();

    public AuditNotes put(String key, Object value) {
        notes.put(key, value);
        return this;
    }

    public Map<String, Object> asMap() {
        return Map.copyOf(notes);
    }
}
