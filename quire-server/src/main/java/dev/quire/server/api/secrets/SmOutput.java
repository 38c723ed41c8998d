package dev.quire.server.api.secrets;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.core.secrets.SecretDescription;
import dev.quire.core.secrets.SecretTag;
import dev.quire.core.secrets.SecretVersion;
import dev.quire.core.secrets.VersionRef;
import dev.quire.protocol.restjson.JsonResponses;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Writes Secrets Manager output shapes (PascalCase members, epoch-second timestamps, base64 blobs). */
final class SmOutput {
    private SmOutput() {
    }

    static ObjectNode ref(VersionRef ref, boolean withStages) {
        ObjectNode o = JsonResponses.object();
        o.put("ARN", ref.arn());
        o.put("Name", ref.name());
        if (ref.versionId() != null) {
            o.put("VersionId", ref.versionId());
            if (withStages) {
                strings(o.putArray("VersionStages"), ref.versionStages());
            }
        }
        return o;
    }

    static ObjectNode value(SecretVersion v) {
        ObjectNode o = JsonResponses.object();
        o.put("ARN", v.arn());
        o.put("Name", v.name());
        o.put("VersionId", v.versionId());
        if (v.value().isString()) {
            o.put("SecretString", v.value().string());
        } else {
            o.put("SecretBinary", Base64.getEncoder().encodeToString(v.value().binary()));
        }
        strings(o.putArray("VersionStages"), v.versionStages());
        JsonResponses.putTimestamp(o, "CreatedDate", v.createdDate());
        return o;
    }

    /**
     * DescribeSecret names the version map {@code VersionIdsToStages}; a ListSecrets entry names it
     * {@code SecretVersionsToStages}.
     */
    static void description(ObjectNode o, SecretDescription d, String versionsMember) {
        o.put("ARN", d.arn());
        o.put("Name", d.name());
        if (d.description() != null) {
            o.put("Description", d.description());
        }
        if (d.kmsKeyId() != null) {
            o.put("KmsKeyId", d.kmsKeyId());
        }
        JsonResponses.putTimestamp(o, "LastChangedDate", d.lastChangedDate());
        JsonResponses.putTimestamp(o, "LastAccessedDate", d.lastAccessedDate());
        JsonResponses.putTimestamp(o, "DeletedDate", d.deletedDate());
        if (!d.tags().isEmpty()) {
            ArrayNode tags = o.putArray("Tags");
            for (SecretTag t : d.tags()) {
                tags.addObject().put("Key", t.key()).put("Value", t.value());
            }
        }
        if (!d.versionIdsToStages().isEmpty()) {
            ObjectNode versions = o.putObject(versionsMember);
            for (Map.Entry<String, List<String>> e : d.versionIdsToStages().entrySet()) {
                strings(versions.putArray(e.getKey()), e.getValue());
            }
        }
        JsonResponses.putTimestamp(o, "CreatedDate", d.createdDate());
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
