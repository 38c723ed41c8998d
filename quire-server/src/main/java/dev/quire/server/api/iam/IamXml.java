package dev.quire.server.api.iam;

import dev.quire.identity.iam.IamPolicy;
import dev.quire.identity.iam.IamPolicyVersion;
import dev.quire.identity.iam.IamRole;
import dev.quire.protocol.awsquery.XmlWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/** The XML shapes IAM responses share: Role, Policy, PolicyVersion, Tag lists, string lists. */
final class IamXml {
    private IamXml() {
    }

    /**
     * Policy documents leave IAM percent-encoded (RFC 3986, UTF-8), as real IAM returns them: the IAM
     * API reference says so for GetRolePolicy/GetPolicyVersion/Role documents, the AWS CLI and boto3
     * decode them, and a Java SDK caller decodes with URLDecoder, exactly as against AWS. Returning
     * raw JSON instead would break every client written against real IAM that decodes.
     */
    static String policyDocument(String json) {
        return json == null ? null : URLEncoder.encode(json, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    static void role(XmlWriter xml, IamRole role, boolean withTags) {
        xml.element("Path", role.path())
                .element("RoleName", role.roleName())
                .element("RoleId", role.roleId())
                .element("Arn", role.arn())
                .element("CreateDate", role.createDate())
                .element("AssumeRolePolicyDocument", policyDocument(role.assumeRolePolicyDocument()))
                .element("Description", role.description())
                .element("MaxSessionDuration", role.maxSessionDuration());
        if (withTags) {
            tags(xml, role.tags());
        }
    }

    static void policy(XmlWriter xml, IamPolicy policy, boolean withTags) {
        xml.element("PolicyName", policy.policyName())
                .element("PolicyId", policy.policyId())
                .element("Arn", policy.arn())
                .element("Path", policy.path())
                .element("DefaultVersionId", policy.defaultVersionId())
                .element("AttachmentCount", policy.attachmentCount())
                .element("PermissionsBoundaryUsageCount", 0)
                .element("IsAttachable", true)
                .element("Description", policy.description())
                .element("CreateDate", policy.createDate())
                .element("UpdateDate", policy.updateDate());
        if (withTags) {
            tags(xml, policy.tags());
        }
    }

    static void policyVersion(XmlWriter xml, IamPolicyVersion version, boolean isDefault, boolean withDocument) {
        if (withDocument) {
            xml.element("Document", policyDocument(version.document()));
        }
        xml.element("VersionId", version.versionId())
                .element("IsDefaultVersion", isDefault)
                .element("CreateDate", version.createDate());
    }

    /** Omitted when empty, as IAM does. */
    static void tags(XmlWriter xml, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        xml.open("Tags");
        tags.forEach((k, v) -> xml.open("member").element("Key", k).element("Value", v).close());
        xml.close();
    }

    static void strings(XmlWriter xml, String name, Collection<String> values) {
        xml.open(name);
        values.forEach(v -> xml.element("member", v));
        xml.close();
    }

    static void paging(XmlWriter xml, String nextMarker) {
        xml.element("IsTruncated", nextMarker != null);
        xml.element("Marker", nextMarker);
    }
}
