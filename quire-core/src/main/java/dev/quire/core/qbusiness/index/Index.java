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
                c.documentAttributeConfigurations() != null ? c.documentAttributeConfigurations()
                        : documentAttributeConfigurations, createdAt, updatedAt);
    }
}
