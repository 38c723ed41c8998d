package dev.quire.protocol.pipeline;

import dev.quire.protocol.AwsService;

/**
 * A decoded operation call. {@code input} is a {@code QueryRequest}, {@code RestJsonRequest} or
 * {@code AwsJsonRequest} depending on the service's protocol.
 */
public record ApiCall(AwsService service, String operation, Object input) {
    public <T> T input(Class<T> type) {
        return type.cast(input);
    }
}
