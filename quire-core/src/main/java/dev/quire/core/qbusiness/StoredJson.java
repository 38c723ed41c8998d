package dev.quire.core.qbusiness;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.quire.spi.store.StoredEntity;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON mapping for qbusiness records in the metadata store. Unknown members are
 * ignored so that a record written by a newer Quire (or carrying a member another area added)
 * still reads.
 */
public final class StoredJson {
    public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);

    private StoredJson() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(StoredEntity entity, Class<T> type) {
        try {
            return MAPPER.readValue(entity.json(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored " + entity.kind() + " " + entity.id() + " is unreadable", e);
        }
    }
}
