package dev.quire.core.qbusiness;

import java.time.Instant;

/** A Q Business application as stored (more members arrive with the control-plane work). */
public record Application(String applicationId, String applicationArn, String displayName, String identityType,
                         String status, Instant createdAt, Instant updatedAt) {
}
