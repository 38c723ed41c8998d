package dev.quire.core.qbusiness.datasources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.spi.error.ApiError;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Minimal validation of a data source {@code configuration} document: it must be an object with a
 * string {@code type}; for the types listed in {@link #REQUIRED} the members the AWS connector
 * schemas mark required must be present. Everything else is stored as given.
 */
public final class DataSourceConfigurations {
    public static final String CUSTOM = "CUSTOM";
    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9_]{1,64}");

    /** type → JSON pointers that must be present. Grows as connectors arrive. */
    static final Map<String, List<String>> REQUIRED = Map.of(
            CUSTOM, List.of(),
            "S3", List.of("/connectionConfiguration/repositoryEndpointMetadata/BucketName"),
            "WEBCRAWLERV2", List.of("/connectionConfiguration/repositoryEndpointMetadata"));

    private DataSourceConfigurations() {
    }

    /** @return the configuration's type */
    public static String validate(JsonNode configuration) {
        if (configuration == null || !configuration.isObject()) {
            throw ApiError.invalidField("configuration", "configuration must be a JSON object with a \"type\".");
        }
        JsonNode type = configuration.get("type");
        if (type == null || !type.isTextual() || !TYPE.matcher(type.asText()).matches()) {
            throw ApiError.invalidField("configuration",
                    "configuration.type is required: a connector type such as CUSTOM, S3 or WEBCRAWLERV2.");
        }
        for (String pointer : REQUIRED.getOrDefault(type.asText(), List.of())) {
            if (configuration.at(pointer).isMissingNode() || configuration.at(pointer).isNull()) {
                throw ApiError.invalidField("configuration", "configuration" + pointer.replace('/', '.')
                        + " is required for a data source of type " + type.asText() + ".");
            }
        }
        return type.asText();
    }
}
