package dev.quire.server.api.qbusiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.core.qbusiness.datasources.DataSource;
import dev.quire.core.qbusiness.datasources.DataSourceInput;
import dev.quire.core.qbusiness.datasources.DataSources;
import dev.quire.core.qbusiness.datasources.SyncJob;
import dev.quire.core.qbusiness.datasources.SyncJobs;
import dev.quire.protocol.http.WireResponse;
import dev.quire.protocol.restjson.JsonResponses;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.store.Page;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Data sources: CRUD and sync jobs (Start/Stop/ListDataSourceSyncJobs). */
public final class DataSourcesArea implements QBusinessArea {
    private final DataSources dataSources;
    private final SyncJobs syncJobs;

    public DataSourcesArea(DataSources dataSources, SyncJobs syncJobs) {
        this.dataSources = dataSources;
        this.syncJobs = syncJobs;
    }

    @Override
    public Map<String, QBusinessOperation> operations() {
        return Map.of("CreateDataSource", this::create, "GetDataSource", this::get, "ListDataSources", this::list,
                "UpdateDataSource", this::update, "DeleteDataSource", this::delete,
                "StartDataSourceSyncJob", this::startSync, "StopDataSourceSyncJob", this::stopSync,
                "ListDataSourceSyncJobs", this::listSyncJobs);
    }

    private static DataSourceInput input(JsonInput in, boolean create) {
        String displayName = create ? in.requiredString("displayName", 1, 1000) : in.string("displayName", 1, 1000);
        if (create && !in.has("configuration")) {
            throw ApiError.invalidField("configuration", "configuration is required.");
        }
        ObjectNode vpc = in.object("vpcConfiguration");
        if (vpc != null && (!vpc.path("subnetIds").isArray() || !vpc.path("securityGroupIds").isArray())) {
            throw ApiError.invalidField("vpcConfiguration", "vpcConfiguration needs subnetIds and securityGroupIds.");
        }
        JsonNode tags = in.has("tags") ? in.node().get("tags") : null;
        if (tags != null) {
            in.list("tags", 200);
        }
        return new DataSourceInput(displayName, in.string("description", 0, 1000), in.node().get("configuration"), vpc,
                in.string("syncSchedule", 0, 998), in.string("roleArn", 0, 1284),
                in.object("documentEnrichmentConfiguration"), in.object("mediaExtractionConfiguration"), tags);
    }

    private WireResponse create(QBusinessCall call) {
        JsonInput in = call.body();
        DataSource ds = dataSources.create(call.label("applicationId"), call.label("indexId"), input(in, true),
                in.string("clientToken", 1, 100), call.region(), call.caller().accountId());
        return JsonResponses.ok(JsonResponses.object().put("dataSourceId", ds.dataSourceId())
                .put("dataSourceArn", ds.dataSourceArn()));
    }

    private WireResponse get(QBusinessCall call) {
        DataSource ds = dataSources.get(call.label("applicationId"), call.label("indexId"), call.label("dataSourceId"));
        ObjectNode o = JsonResponses.object().put("applicationId", ds.applicationId()).put("indexId", ds.indexId())
                .put("dataSourceId", ds.dataSourceId()).put("dataSourceArn", ds.dataSourceArn())
                .put("displayName", ds.displayName()).put("type", ds.type()).put("status", ds.status());
        o.set("configuration", ds.configuration());
        putIf(o, "description", ds.description());
        putIf(o, "syncSchedule", ds.syncSchedule());
        putIf(o, "roleArn", ds.roleArn());
        setIf(o, "vpcConfiguration", ds.vpcConfiguration());
        setIf(o, "documentEnrichmentConfiguration", ds.documentEnrichmentConfiguration());
        setIf(o, "mediaExtractionConfiguration", ds.mediaExtractionConfiguration());
        JsonResponses.putTimestamp(o, "createdAt", ds.createdAt());
        JsonResponses.putTimestamp(o, "updatedAt", ds.updatedAt());
        return JsonResponses.ok(o);
    }

    private WireResponse list(QBusinessCall call) {
        Page<DataSource> page = dataSources.list(call.label("applicationId"), call.label("indexId"),
                call.input().queryParam("nextToken"), QueryInput.integer(call, "maxResults"));
        ObjectNode body = JsonResponses.object();
        ArrayNode list = body.putArray("dataSources");
        for (DataSource ds : page.items()) {
            ObjectNode o = list.addObject().put("displayName", ds.displayName()).put("dataSourceId", ds.dataSourceId())
                    .put("type", ds.type()).put("status", ds.status());
            JsonResponses.putTimestamp(o, "createdAt", ds.createdAt());
            JsonResponses.putTimestamp(o, "updatedAt", ds.updatedAt());
        }
        if (page.nextToken() != null) {
            body.put("nextToken", page.nextToken());
        }
        return JsonResponses.ok(body);
    }

    private WireResponse update(QBusinessCall call) {
        dataSources.update(call.label("applicationId"), call.label("indexId"), call.label("dataSourceId"),
                input(call.body(), false));
        return JsonResponses.ok(JsonResponses.object());
    }

    private WireResponse delete(QBusinessCall call) {
        dataSources.delete(call.label("applicationId"), call.label("indexId"), call.label("dataSourceId"));
        return JsonResponses.ok(JsonResponses.object());
    }

    private WireResponse startSync(QBusinessCall call) {
        SyncJob job = syncJobs.start(call.label("applicationId"), call.label("indexId"), call.label("dataSourceId"));
        return JsonResponses.ok(JsonResponses.object().put("executionId", job.executionId()));
    }

    private WireResponse stopSync(QBusinessCall call) {
        syncJobs.stop(call.label("applicationId"), call.label("indexId"), call.label("dataSourceId"));
        return JsonResponses.ok(JsonResponses.object());
    }

    private WireResponse listSyncJobs(QBusinessCall call) {
        String status = call.input().queryParam("syncStatus");
        if (status != null && !SyncJobs.STATUSES.contains(status)) {
            throw ApiError.invalidField("statusFilter", "statusFilter must be one of " + SyncJobs.STATUSES + ".");
        }
        Page<SyncJob> page = syncJobs.list(call.label("applicationId"), call.label("indexId"),
                call.label("dataSourceId"), instant(call, "startTime"), instant(call, "endTime"), status,
                call.input().queryParam("nextToken"), QueryInput.integer(call, "maxResults"));
        ObjectNode body = JsonResponses.object();
        ArrayNode history = body.putArray("history");
        for (SyncJob job : page.items()) {
            ObjectNode o = history.addObject().put("executionId", job.executionId()).put("status", job.status());
            JsonResponses.putTimestamp(o, "startTime", job.startTime());
            JsonResponses.putTimestamp(o, "endTime", job.endTime());
            if (job.errorMessage() != null) {
                o.putObject("error").put("errorCode", job.errorCode()).put("errorMessage", job.errorMessage());
            }
            SyncJob.SyncMetrics m = job.metrics();
            o.putObject("metrics").put("documentsAdded", String.valueOf(m.documentsAdded()))
                    .put("documentsModified", String.valueOf(m.documentsModified()))
                    .put("documentsDeleted", String.valueOf(m.documentsDeleted()))
                    .put("documentsFailed", String.valueOf(m.documentsFailed()))
                    .put("documentsScanned", String.valueOf(m.documentsScanned()));
        }
        if (page.nextToken() != null) {
            body.put("nextToken", page.nextToken());
        }
        return JsonResponses.ok(body);
    }

    /** Query timestamps are ISO-8601 (API-REFERENCE §1). */
    private static Instant instant(QBusinessCall call, String name) {
        String v = call.input().queryParam(name);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiError.invalidField(name, name + " must be an ISO-8601 timestamp.");
        }
    }

    private static void putIf(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    private static void setIf(ObjectNode o, String name, JsonNode value) {
        if (value != null && !value.isNull()) {
            o.set(name, value);
        }
    }
}
