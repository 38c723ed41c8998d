package dev.quire.protocol.pipeline;

/** Where audit lines go (a JSON-lines file in the server). Must never throw. */
@FunctionalInterface
public interface AuditSink {
    void write(AuditEvent event);
}
