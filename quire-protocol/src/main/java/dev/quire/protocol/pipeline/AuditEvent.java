package dev.quire.protocol.pipeline;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the audit/access log. {@code notes} carries what later stages decided (e.g. the
 * authorization decision and the statement that made it).
 */
public record AuditEvent(Instant time, String requestId, String remoteAddress, String method, String path,
                         String service, String operation, String principal, int status, String errorCode,
                         long durationMicros, Map<String, Object> notes) {
}
