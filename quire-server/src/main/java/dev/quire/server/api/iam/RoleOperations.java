package dev.quire.server.api.iam;

import dev.quire.identity.iam.IamRole;
import dev.quire.identity.iam.IamRoles;
import dev.quire.identity.iam.RolePolicies;
import dev.quire.spi.store.Page;
import java.util.Map;

/** Role actions, inline and attached role policies included. */
final class RoleOperations {
    private RoleOperations() {
    }

    static void register(Map<String, IamOperation> ops, IamRoles roles, RolePolicies rolePolicies) {
        ops.put("CreateRole", q -> {
            IamRole role = roles.create(IamParams.required(q, "RoleName"), q.get("Path"),
                    IamParams.required(q, "AssumeRolePolicyDocument"), q.get("Description"),
                    IamParams.integer(q, "MaxSessionDuration"), q.get("PermissionsBoundary"), IamParams.tags(q));
            return xml -> {
                xml.open("Role");
                IamXml.role(xml, role, true);
                xml.close();
            };
        });
        ops.put("GetRole", q -> {
            IamRole role = roles.get(IamParams.required(q, "RoleName"));
            return xml -> {
                xml.open("Role");
                IamXml.role(xml, role, true);
                xml.open("RoleLastUsed").close();
                xml.close();
            };
        });
        ops.put("ListRoles", q -> {
            Page<IamRole> page = roles.list(q.get("PathPrefix"), q.get("Marker"), IamParams.integer(q, "MaxItems"));
            return xml -> {
                xml.open("Roles");
                for (IamRole role : page.items()) {
                    xml.open("member");
                    IamXml.role(xml, role, false);
                    xml.close();
                }
                xml.close();
                IamXml.paging(xml, page.nextToken());
            };
        });
        ops.put("DeleteRole", q -> {
            roles.delete(IamParams.required(q, "RoleName"));
            return null;
        });
        ops.put("UpdateAssumeRolePolicy", q -> {
            roles.updateAssumeRolePolicy(IamParams.required(q, "RoleName"), IamParams.required(q, "PolicyDocument"));
            return null;
        });
        ops.put("UpdateRole", q -> {
            roles.update(IamParams.required(q, "RoleName"), q.get("Description"), IamParams.integer(q, "MaxSessionDuration"));
            return xml -> { };
        });
        ops.put("AttachRolePolicy", q -> {
            rolePolicies.attach(IamParams.required(q, "RoleName"), IamParams.required(q, "PolicyArn"));
            return null;
        });
        ops.put("DetachRolePolicy", q -> {
            rolePolicies.detach(IamParams.required(q, "RoleName"), IamParams.required(q, "PolicyArn"));
            return null;
        });
        ops.put("ListAttachedRolePolicies", q -> {
            Page<String> page = rolePolicies.listAttached(IamParams.required(q, "RoleName"), q.get("PathPrefix"),
                    q.get("Marker"), IamParams.integer(q, "MaxItems"));
            return xml -> {
                xml.open("AttachedPolicies");
                for (String arn : page.items()) {
                    xml.open("member")
                            .element("PolicyName", arn.substring(arn.lastIndexOf('/') + 1))
                            .element("PolicyArn", arn)
                            .close();
                }
                xml.close();
                IamXml.paging(xml, page.nextToken());
            };
        });
        ops.put("PutRolePolicy", q -> {
            rolePolicies.putInline(IamParams.required(q, "RoleName"), IamParams.required(q, "PolicyName"),
                    IamParams.required(q, "PolicyDocument"));
            return null;
        });
        ops.put("GetRolePolicy", q -> {
            String roleName = IamParams.required(q, "RoleName");
            String policyName = IamParams.required(q, "PolicyName");
            String document = rolePolicies.getInline(roleName, policyName);
            String storedRoleName = roles.get(roleName).roleName();
            return xml -> xml.element("RoleName", storedRoleName)
                    .element("PolicyName", policyName)
                    .element("PolicyDocument", IamXml.policyDocument(document));
        });
        ops.put("DeleteRolePolicy", q -> {
            rolePolicies.deleteInline(IamParams.required(q, "RoleName"), IamParams.required(q, "PolicyName"));
            return null;
        });
        ops.put("ListRolePolicies", q -> {
            Page<String> page = rolePolicies.listInline(IamParams.required(q, "RoleName"), q.get("Marker"),
                    IamParams.integer(q, "MaxItems"));
            return xml -> {
                IamXml.strings(xml, "PolicyNames", page.items());
                IamXml.paging(xml, page.nextToken());
            };
        });
    }
}
