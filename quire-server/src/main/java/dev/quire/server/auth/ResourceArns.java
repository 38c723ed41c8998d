package dev.quire.server.auth;

import dev.quire.protocol.AwsService;
import dev.quire.protocol.awsjson.AwsJsonRequest;
import dev.quire.protocol.awsquery.QueryRequest;
import dev.quire.protocol.pipeline.ApiCall;
import dev.quire.protocol.restjson.RestJsonRequest;
import java.util.Map;
import java.util.function.BiFunction;

/** The resource ARN an IAM policy is evaluated against, per call. */
final class ResourceArns {
    private final String accountId;
    private final BiFunction<String, String, String> secretArn;

    /**
     * @param secretArn (secret name or ARN, region) -> the secret's full ARN, or the input when unknown
     */
    ResourceArns(String accountId, BiFunction<String, String, String> secretArn) {
        this.accountId = accountId;
        this.secretArn = secretArn;
    }

    String of(ApiCall call, String region) {
        return switch (call.service()) {
            case QBUSINESS -> qbusiness(call.input(RestJsonRequest.class).labels(), region);
            case IAM -> iam(call.input(QueryRequest.class));
            case STS -> {
                String role = call.input(QueryRequest.class).get("RoleArn");
                yield role != null ? role : "*";
            }
            case SECRETS_MANAGER -> {
                var id = call.input(AwsJsonRequest.class).body().get("SecretId");
                yield id != null && id.isTextual() ? secretArn.apply(id.asText(), region) : "*";
            }
        };
    }

    /** {@code arn:aws:qbusiness:<region>:<acct>:application/<id>[/index/<id>[/data-source/<id>]]…} */
    String qbusiness(Map<String, String> labels, String region) {
        String app = labels.get("applicationId");
        if (app == null) {
            return "*";
        }
        StringBuilder arn = new StringBuilder("arn:aws:qbusiness:").append(region).append(':').append(accountId)
                .append(":application/").append(app);
        if (labels.containsKey("indexId")) {
            arn.append("/index/").append(labels.get("indexId"));
            if (labels.containsKey("dataSourceId")) {
                arn.append("/data-source/").append(labels.get("dataSourceId"));
            }
        } else if (labels.containsKey("retrieverId")) {
            arn.append("/retriever/").append(labels.get("retrieverId"));
        } else if (labels.containsKey("webExperienceId")) {
            arn.append("/web-experience/").append(labels.get("webExperienceId"));
        }
        return arn.toString();
    }

    private String iam(QueryRequest q) {
        for (String arnParam : new String[] {"PolicyArn", "OpenIDConnectProviderArn", "SAMLProviderArn"}) {
            if (q.get(arnParam) != null) {
                return q.get(arnParam);
            }
        }
        if (q.get("RoleName") != null) {
            return "arn:aws:iam::" + accountId + ":role/" + q.get("RoleName");
        }
        return "*";
    }

    static boolean isRegional(AwsService service) {
        return service != AwsService.IAM;
    }
}
