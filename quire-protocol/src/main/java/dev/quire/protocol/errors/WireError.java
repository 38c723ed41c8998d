package dev.quire.protocol.errors;

import java.util.Map;

/**
 * An error as it goes on the wire: AWS code, HTTP status, fault side, message and the error's
 * modeled members. Thrown through the pipeline as {@link WireErrorException}.
 */
public record WireError(String code, int status, boolean senderFault, String message, Map<String, Object> members) {
    public WireError {
        members = members == null ? Map.of() : Map.copyOf(members);
    }

    public static WireError of(String code, int status, String message) {
        return new WireError(code, status, status < 500, message, Map.of());
    }
}
