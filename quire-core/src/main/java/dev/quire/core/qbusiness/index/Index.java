package dev.quire.core.qbusiness.index;

import java.time.Instant;
import java.util.List;

/** A Q Business native index as stored; timestamps come from the store record. */
public record Index(String applicationId, String indexId, String indexArn, String displayName, String description,
                   String type, int units, String status,
                   List<DocumentAttributeConfiguration> documentAttributeConfigurations,
                   Instant createdAt, Instant updatedAt) {
    public Index {
        documentAttributeConfigurations = documentAttributeConfigurations == null ? List.of()
                : List.copyOf(documentAttributeConfigurations);
    }

    Index withTimes(Instant created, Instant updated) {
        return new Index(applicationId, indexId, indexArn, displayName, description, type, units, status,
                documentAttributeConfigurations, created, updated);
    }

    Index with(IndexChanges c) {
        return new Index(applicationId, indexId, indexArn, c.displayName() != null ? c.displayName() : displayName,
                c.description() != null ? c.description() : description, type,
                c.units() != null ? c.units() : units, status,
                merged(c.documentAttributeConfigurations()), createdAt, updatedAt);
    }

    /** UpdateIndex adds attributes and replaces those of the same name; it never drops the others. */
    private List<DocumentAttributeConfiguration> merged(List<DocumentAttributeConfiguration> changes) {
        if (changes == null) {
            return documentAttributeConfigurations;
        }
        java.util.Map<String, DocumentAttributeConfiguration> byName = new java.util.LinkedHashMap<>();
        documentAttributeConfigurations.forEach(a -> byName.put(a.name(), a));
        changes.forEach(a -> byName.put(a.name(), a));
        return List.copyOf(byName.values());
    }
}
