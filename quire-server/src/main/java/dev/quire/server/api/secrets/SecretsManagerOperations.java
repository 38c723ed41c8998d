package dev.quire.server.api.secrets;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.core.secrets.Deletion;
import dev.quire.core.secrets.NewSecret;
import dev.quire.core.secrets.SecretDescription;
import dev.quire.core.secrets.Secrets;
import dev.quire.protocol.restjson.JsonResponses;
import dev.quire.spi.store.Page;
import java.util.List;
import java.util.Optional;

/** One method per Secrets Manager operation: read the members, call {@link Secrets}, write the output. */
public final class SecretsManagerOperations {
    private final Secrets secrets;

    public SecretsManagerOperations(Secrets secrets) {
        this.secrets = secrets;
    }

    /** @return the output body, or empty when {@code operation} is not one Quire implements */
    public Optional<ObjectNode> call(String operation, String region, ObjectNode body) {
        SmInput in = new SmInput(body);
        return Optional.ofNullable(switch (operation) {
            case "CreateSecret" -> create(region, in);
            case "GetSecretValue" -> SmOutput.value(secrets.getValue(region, in.requiredText("SecretId"),
                    in.text("VersionId"), in.text("VersionStage")));
            case "PutSecretValue" -> SmOutput.ref(secrets.putValue(region, in.requiredText("SecretId"),
                    in.text("ClientRequestToken"), in.value(), in.strings("VersionStages")), true);
            case "UpdateSecret" -> SmOutput.ref(secrets.update(region, in.requiredText("SecretId"),
                    in.text("ClientRequestToken"), in.text("Description"), in.text("KmsKeyId"), in.value()), false);
            case "DescribeSecret" -> describe(region, in);
            case "ListSecrets" -> list(region, in);
            case "DeleteSecret" -> delete(region, in);
            case "RestoreSecret" -> restore(region, in);
            case "TagResource" -> {
                secrets.tag(region, in.requiredText("SecretId"), in.tags("Tags"));
                yield JsonResponses.object();
            }
            case "UntagResource" -> {
                List<String> keys = in.strings("TagKeys");
                secrets.untag(region, in.requiredText("SecretId"), keys == null ? List.of() : keys);
                yield JsonResponses.object();
            }
            default -> null;
        });
    }

    private ObjectNode create(String region, SmInput in) {
        NewSecret request = new NewSecret(in.requiredText("Name"), in.text("ClientRequestToken"),
                in.text("Description"), in.text("KmsKeyId"), in.value(), in.tags("Tags"));
        return SmOutput.ref(secrets.create(region, request), false);
    }

    private ObjectNode describe(String region, SmInput in) {
        ObjectNode out = JsonResponses.object();
        SmOutput.description(out, secrets.describe(region, in.requiredText("SecretId")), "VersionIdsToStages");
        return out;
    }

    private ObjectNode list(String region, SmInput in) {
        Page<SecretDescription> page = secrets.list(region, in.text("NextToken"), in.integer("MaxResults"),
                in.bool("IncludePlannedDeletion"), in.filters());
        ObjectNode out = JsonResponses.object();
        ArrayNode entries = out.putArray("SecretList");
        for (SecretDescription d : page.items()) {
            SmOutput.description(entries.addObject(), d, "SecretVersionsToStages");
        }
        if (page.nextToken() != null) {
            out.put("NextToken", page.nextToken());
        }
        return out;
    }

    private ObjectNode delete(String region, SmInput in) {
        Deletion d = secrets.delete(region, in.requiredText("SecretId"), in.longValue("RecoveryWindowInDays"),
                in.bool("ForceDeleteWithoutRecovery"));
        ObjectNode out = JsonResponses.object();
        out.put("ARN", d.arn());
        out.put("Name", d.name());
        JsonResponses.putTimestamp(out, "DeletionDate", d.deletionDate());
        return out;
    }

    private ObjectNode restore(String region, SmInput in) {
        SecretDescription d = secrets.restore(region, in.requiredText("SecretId"));
        ObjectNode out = JsonResponses.object();
        out.put("ARN", d.arn());
        out.put("Name", d.name());
        return out;
    }
}
