package dev.quire.server.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.protocol.pipeline.AuditEvent;
import dev.quire.protocol.pipeline.AuditSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The audit/access log: one JSON object per line, appended to a file under the data dir. */
public final class JsonLinesAuditLog implements AuditSink, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JsonLinesAuditLog.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BufferedWriter out;
    private final Path file;

    public JsonLinesAuditLog(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        this.file = file;
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void write(AuditEvent e) {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", e.time().toString());
        line.put("requestId", e.requestId());
        line.put("remote", e.remoteAddress());
        line.put("method", e.method());
        line.put("path", e.path());
        line.put("service", e.service());
        line.put("operation", e.operation());
        line.put("principal", e.principal());
        line.put("status", e.status());
        line.put("error", e.errorCode());
        line.put("micros", e.durationMicros());
        if (!e.notes().isEmpty()) {
            line.set("notes", JSON.valueToTree(e.notes()));
        }
        try {
            out.write(line.toString());
            out.newLine();
            out.flush();
        } catch (IOException ex) {
            // Auditing must never fail a request; say so loudly instead.
            LOG.log(Level.WARNING, "could not write audit line to " + file, ex);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // closing at shutdown
        }
    }
}
