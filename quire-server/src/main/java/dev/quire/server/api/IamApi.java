package dev.quire.server.api;

import dev.quire.identity.iam.IamRole;
import dev.quire.identity.iam.IamRoles;
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
import dev.quire.spi.store.Page;

/** IAM (awsQuery, 2010-05-08). */
public final class IamApi implements ServiceHandler {
    private final IamRoles roles;

    public IamApi(IamRoles roles) {
        this.roles = roles;
    }

    @Override
    public WireResponse handle(WireRequest request, Authentication auth, ApiCall call) {
        String requestId = request.attribute(RequestId.class).value();
        String ns = AwsService.IAM.xmlNamespace();
        QueryRequest q = call.input(QueryRequest.class);
        return switch (call.operation()) {
            case "ListRoles" -> {
                Page<IamRole> page = roles.list(q.get("PathPrefix"), q.get("Marker"), QueryParams.integer(q, "MaxItems"));
                yield QueryResponses.ok(ns, "ListRoles", xml -> {
                    xml.open("Roles");
                    for (IamRole role : page.items()) {
                        xml.open("member");
                        writeRole(xml, role);
                        xml.close();
                    }
                    xml.close();
                    xml.element("IsTruncated", page.nextToken() != null);
                    xml.element("Marker", page.nextToken());
                }, requestId);
            }
            default -> throw ProtocolFailure.UNKNOWN_OPERATION.exception(AwsService.IAM.protocol(),
                    "Could not find operation " + call.operation() + " for version 2010-05-08");
        };
    }

    static void writeRole(XmlWriter xml, IamRole role) {
        xml.element("Path", role.path())
                .element("RoleName", role.roleName())
                .element("RoleId", role.roleId())
                .element("Arn", role.arn())
                .element("CreateDate", role.createDate())
                .element("AssumeRolePolicyDocument", role.assumeRolePolicyDocument())
                .element("Description", role.description())
                .element("MaxSessionDuration", role.maxSessionDuration());
    }
}
