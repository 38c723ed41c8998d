package dev.quire.server.api;

import dev.quire.identity.sts.DecisionListener;
import dev.quire.identity.sts.IssuedSession;
import dev.quire.identity.sts.SamlSession;
import dev.quire.identity.sts.StsService;
import dev.quire.identity.sts.WebIdentitySession;
import dev.quire.protocol.AwsService;
import dev.quire.protocol.awsquery.QueryRequest;
import dev.quire.protocol.awsquery.QueryResponses;
import dev.quire.protocol.awsquery.XmlWriter;
import dev.quire.protocol.errors.ProtocolFailure;
import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;
import dev.quire.protocol.pipeline.ApiCall;
import dev.quire.protocol.pipeline.Authentication;
import dev.quire.protocol.pipeline.RequestId;
import dev.quire.protocol.pipeline.ServiceHandler;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.identity.Caller;
import java.util.LinkedHashMap;
import java.util.Map;

/** STS (awsQuery, 2011-06-15): the federation calls (unsigned), AssumeRole and GetCallerIdentity. */
public final class StsApi implements ServiceHandler {
    private static final String NS = AwsService.STS.xmlNamespace();
    private final StsService sts;

    public StsApi(StsService sts) {
        this.sts = sts;
    }

    @Override
    public WireResponse handle(WireRequest request, Authentication auth, ApiCall call) {
        String requestId = request.attribute(RequestId.class).value();
        QueryRequest q = call.input(QueryRequest.class);
        DecisionListener audit = AuditDecisions.into(request);
        return switch (call.operation()) {
            case "GetCallerIdentity" -> {
                Caller caller = (Caller) auth.principal();
                yield QueryResponses.ok(NS, "GetCallerIdentity", xml -> xml
                        .element("UserId", caller.userId())
                        .element("Account", caller.accountId())
                        .element("Arn", caller.arn()), requestId);
            }
            case "AssumeRoleWithWebIdentity" -> {
                WebIdentitySession s = sts.assumeRoleWithWebIdentity(required(q, "RoleArn"), required(q, "RoleSessionName"),
                        required(q, "WebIdentityToken"), QueryParams.integer(q, "DurationSeconds"), audit);
                yield QueryResponses.ok(NS, call.operation(), xml -> {
                    writeSession(xml, s.session());
                    xml.element("SubjectFromWebIdentityToken", s.subjectFromWebIdentityToken())
                            .element("Provider", s.provider())
                            .element("Audience", s.audience())
                            .element("SourceIdentity", s.session().claims().sourceIdentity());
                }, requestId);
            }
            case "AssumeRoleWithSAML" -> {
                SamlSession s = sts.assumeRoleWithSaml(required(q, "RoleArn"), required(q, "PrincipalArn"),
                        required(q, "SAMLAssertion"), QueryParams.integer(q, "DurationSeconds"), audit);
                yield QueryResponses.ok(NS, call.operation(), xml -> {
                    writeSession(xml, s.session());
                    xml.element("Subject", s.subject())
                            .element("SubjectType", s.subjectType())
                            .element("Issuer", s.issuer())
                            .element("Audience", s.audience())
                            .element("NameQualifier", s.nameQualifier())
                            .element("SourceIdentity", s.session().claims().sourceIdentity());
                }, requestId);
            }
            case "AssumeRole" -> {
                Map<String, String> tags = new LinkedHashMap<>();
                for (Map<String, String> t : q.structList("Tags")) {
                    tags.put(t.get("Key"), t.get("Value"));
                }
                IssuedSession s = sts.assumeRole((Caller) auth.principal(), required(q, "RoleArn"),
                        required(q, "RoleSessionName"), QueryParams.integer(q, "DurationSeconds"), tags,
                        q.list("TransitiveTagKeys"), q.get("SourceIdentity"), q.get("ExternalId"), audit);
                yield QueryResponses.ok(NS, call.operation(), xml -> {
                    writeSession(xml, s);
                    xml.element("SourceIdentity", s.claims().sourceIdentity());
                }, requestId);
            }
            default -> throw ProtocolFailure.UNKNOWN_OPERATION.exception(AwsService.STS.protocol(),
                    "Could not find operation " + call.operation() + " for version 2011-06-15");
        };
    }

    private static void writeSession(XmlWriter xml, IssuedSession s) {
        xml.open("Credentials")
                .element("AccessKeyId", s.accessKeyId())
                .element("SecretAccessKey", s.secretAccessKey())
                .element("SessionToken", s.sessionToken())
                .element("Expiration", s.expiration())
                .close();
        xml.open("AssumedRoleUser")
                .element("AssumedRoleId", s.assumedRoleId())
                .element("Arn", s.assumedRoleArn())
                .close();
        xml.element("PackedPolicySize", 0);
    }

    private static String required(QueryRequest q, String name) {
        String v = q.get(name);
        if (v == null || v.isEmpty()) {
            throw new ApiError(ErrorCode.MISSING_PARAMETER, "The request must contain the parameter " + name + ".");
        }
        return v;
    }
}
