package dev.quire.core.qbusiness.groups;

import java.time.Instant;

/** One GroupStatusDetail: Quire applies PutGroup synchronously, so each is SUCCEEDED. */
public record GroupStatusEntry(String status, Instant lastUpdatedAt) {
}
