package dev.quire.core.qbusiness.datasources;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A data source as stored (kind {@value DataSources#KIND}, scope app/&lt;app&gt;/index/&lt;index&gt;).
 * {@code configuration} and the other document-typed members are kept exactly as given.
 */
public record DataSource(String applicationId, String indexId, String dataSourceId, String dataSourceArn,
                         String displayName, String description, String type, JsonNode configuration,
                         JsonNode vpcConfiguration, String syncSchedule, String roleArn,
                         JsonNode documentEnrichmentConfiguration, JsonNode mediaExtractionConfiguration,
                         JsonNode tags, String status, Instant createdAt, Instant updatedAt) {
}
