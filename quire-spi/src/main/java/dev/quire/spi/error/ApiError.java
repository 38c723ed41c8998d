package dev.quire.spi.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A failure the caller should see as an AWS error. Domain code throws it; the server renders it
 * in the wire protocol of the service that was called. {@code members} are the error's modeled
 * fields besides the message (e.g. {@code resourceId}, {@code resourceType}, {@code fields}).
 */
public class ApiError extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, Object> members;

    public ApiError(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public ApiError(ErrorCode code, String message, Map<String, Object> members) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
        this.members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> members() {
        return members;
    }

    public static ApiError notFound(String resourceType, String resourceId, String message) {
        return new ApiError(ErrorCode.RESOURCE_NOT_FOUND, message,
                Map.of("resourceId", resourceId, "resourceType", resourceType));
    }

    /** A qbusiness ValidationException naming the member that is wrong. */
    public static ApiError invalidField(String field, String message) {
        return new ApiError(ErrorCode.VALIDATION, message, Map.of(
                "reason", "FIELD_VALIDATION_FAILED",
                "fields", List.of(Map.of("name", field, "message", message))));
    }

    public static ApiError cannotParse(String message) {
        return new ApiError(ErrorCode.VALIDATION, message, Map.of("reason", "CANNOT_PARSE"));
    }
}
