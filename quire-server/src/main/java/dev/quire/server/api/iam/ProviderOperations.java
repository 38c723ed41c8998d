package dev.quire.server.api.iam;

import dev.quire.identity.iam.OidcProviderRecord;
import dev.quire.identity.iam.OidcProviders;
import dev.quire.identity.iam.SamlProviderRecord;
import dev.quire.identity.iam.SamlProviders;
import java.util.List;
import java.util.Map;

/** OpenID Connect and SAML identity provider actions. */
final class ProviderOperations {
    private ProviderOperations() {
    }

    static void register(Map<String, IamOperation> ops, OidcProviders oidc, SamlProviders saml) {
        ops.put("CreateOpenIDConnectProvider", q -> {
            OidcProviderRecord p = oidc.create(IamParams.required(q, "Url"), q.list("ClientIDList"),
                    q.list("ThumbprintList"), IamParams.tags(q));
            return xml -> {
                xml.element("OpenIDConnectProviderArn", p.arn());
                IamXml.tags(xml, p.tags());
            };
        });
        ops.put("GetOpenIDConnectProvider", q -> {
            OidcProviderRecord p = oidc.get(IamParams.required(q, "OpenIDConnectProviderArn"));
            return xml -> {
                xml.element("Url", displayUrl(p.url()));
                IamXml.strings(xml, "ClientIDList", p.clientIds());
                IamXml.strings(xml, "ThumbprintList", p.thumbprints());
                xml.element("CreateDate", p.createDate());
                IamXml.tags(xml, p.tags());
            };
        });
        ops.put("ListOpenIDConnectProviders", q -> {
            List<OidcProviderRecord> all = oidc.list();
            return xml -> {
                xml.open("OpenIDConnectProviderList");
                all.forEach(p -> xml.open("member").element("Arn", p.arn()).close());
                xml.close();
            };
        });
        ops.put("DeleteOpenIDConnectProvider", q -> {
            oidc.delete(IamParams.required(q, "OpenIDConnectProviderArn"));
            return null;
        });
        ops.put("AddClientIDToOpenIDConnectProvider", q -> {
            oidc.addClientId(IamParams.required(q, "OpenIDConnectProviderArn"), IamParams.required(q, "ClientID"));
            return null;
        });
        ops.put("RemoveClientIDFromOpenIDConnectProvider", q -> {
            oidc.removeClientId(IamParams.required(q, "OpenIDConnectProviderArn"), IamParams.required(q, "ClientID"));
            return null;
        });
        ops.put("CreateSAMLProvider", q -> {
            SamlProviderRecord p = saml.create(IamParams.required(q, "Name"),
                    IamParams.required(q, "SAMLMetadataDocument"), IamParams.tags(q));
            return xml -> {
                xml.element("SAMLProviderArn", p.arn());
                IamXml.tags(xml, p.tags());
            };
        });
        ops.put("GetSAMLProvider", q -> {
            SamlProviderRecord p = saml.get(IamParams.required(q, "SAMLProviderArn"));
            return xml -> {
                xml.element("SAMLMetadataDocument", p.metadataDocument())
                        .element("CreateDate", p.createDate())
                        .element("ValidUntil", p.validUntil());
                IamXml.tags(xml, p.tags());
            };
        });
        ops.put("ListSAMLProviders", q -> {
            List<SamlProviderRecord> all = saml.list();
            return xml -> {
                xml.open("SAMLProviderList");
                all.forEach(p -> xml.open("member").element("Arn", p.arn()).element("ValidUntil", p.validUntil())
                        .element("CreateDate", p.createDate()).close());
                xml.close();
            };
        });
        ops.put("UpdateSAMLProvider", q -> {
            SamlProviderRecord p = saml.update(IamParams.required(q, "SAMLProviderArn"),
                    IamParams.required(q, "SAMLMetadataDocument"));
            return xml -> xml.element("SAMLProviderArn", p.arn());
        });
        ops.put("DeleteSAMLProvider", q -> {
            saml.delete(IamParams.required(q, "SAMLProviderArn"));
            return null;
        });
    }

    /**
     * Real IAM returns the provider URL without its https:// scheme. Quire does the same for https
     * but keeps http:// for loopback providers, so a plain-http test IdP stays recognizable.
     */
    static String displayUrl(String url) {
        return url.startsWith("https://") ? url.substring("https://".length()) : url;
    }
}
