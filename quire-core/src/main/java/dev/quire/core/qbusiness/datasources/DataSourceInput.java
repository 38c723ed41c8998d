package dev.quire.core.qbusiness.datasources;

import com.fasterxml.jackson.databind.JsonNode;

/** The members of Create/UpdateDataSource; on update a null member means "leave as is". */
public record DataSourceInput(String displayName, String description, JsonNode configuration,
                              JsonNode vpcConfiguration, String syncSchedule, String roleArn,
                              JsonNode documentEnrichmentConfiguration, JsonNode mediaExtractionConfiguration,
                              JsonNode tags) {
}
