package dev.quire.server.api.iam;

import dev.quire.identity.iam.IamPolicies;
import dev.quire.identity.iam.IamPolicy;
import dev.quire.identity.iam.IamPolicyVersion;
import dev.quire.spi.store.Page;
import java.util.List;
import java.util.Map;

/** Customer managed policy actions. */
final class PolicyOperations {
    private PolicyOperations() {
    }

    static void register(Map<String, IamOperation> ops, IamPolicies policies) {
        ops.put("CreatePolicy", q -> {
            IamPolicy policy = policies.create(IamParams.required(q, "PolicyName"), q.get("Path"),
                    IamParams.required(q, "PolicyDocument"), q.get("Description"), IamParams.tags(q));
            return xml -> {
                xml.open("Policy");
                IamXml.policy(xml, policy, true);
                xml.close();
            };
        });
        ops.put("GetPolicy", q -> {
            IamPolicy policy = policies.get(IamParams.required(q, "PolicyArn"));
            return xml -> {
                xml.open("Policy");
                IamXml.policy(xml, policy, true);
                xml.close();
            };
        });
        ops.put("ListPolicies", q -> {
            Page<IamPolicy> page = policies.list(q.get("Scope"), IamParams.bool(q, "OnlyAttached"), q.get("PathPrefix"),
                    q.get("Marker"), IamParams.integer(q, "MaxItems"));
            return xml -> {
                xml.open("Policies");
                for (IamPolicy policy : page.items()) {
                    xml.open("member");
                    IamXml.policy(xml, policy, false);
                    xml.close();
                }
                xml.close();
                IamXml.paging(xml, page.nextToken());
            };
        });
        ops.put("DeletePolicy", q -> {
            policies.delete(IamParams.required(q, "PolicyArn"));
            return null;
        });
        ops.put("GetPolicyVersion", q -> {
            String arn = IamParams.required(q, "PolicyArn");
            IamPolicyVersion version = policies.getVersion(arn, IamParams.required(q, "VersionId"));
            boolean isDefault = policies.get(arn).defaultVersionId().equals(version.versionId());
            return xml -> {
                xml.open("PolicyVersion");
                IamXml.policyVersion(xml, version, isDefault, true);
                xml.close();
            };
        });
        ops.put("CreatePolicyVersion", q -> {
            String arn = IamParams.required(q, "PolicyArn");
            IamPolicyVersion version = policies.createVersion(arn, IamParams.required(q, "PolicyDocument"),
                    IamParams.bool(q, "SetAsDefault"));
            boolean isDefault = policies.get(arn).defaultVersionId().equals(version.versionId());
            return xml -> {
                xml.open("PolicyVersion");
                IamXml.policyVersion(xml, version, isDefault, false);
                xml.close();
            };
        });
        ops.put("ListPolicyVersions", q -> {
            String arn = IamParams.required(q, "PolicyArn");
            List<IamPolicyVersion> versions = policies.listVersions(arn);
            String defaultId = policies.get(arn).defaultVersionId();
            return xml -> {
                xml.open("Versions");
                for (IamPolicyVersion v : versions) {
                    xml.open("member");
                    IamXml.policyVersion(xml, v, v.versionId().equals(defaultId), false);
                    xml.close();
                }
                xml.close();
                xml.element("IsTruncated", false);
            };
        });
        ops.put("SetDefaultPolicyVersion", q -> {
            policies.setDefaultVersion(IamParams.required(q, "PolicyArn"), IamParams.required(q, "VersionId"));
            return null;
        });
        ops.put("DeletePolicyVersion", q -> {
            policies.deleteVersion(IamParams.required(q, "PolicyArn"), IamParams.required(q, "VersionId"));
            return null;
        });
    }
}
