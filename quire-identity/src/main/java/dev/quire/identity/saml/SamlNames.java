package dev.quire.identity.saml;

/** Namespaces and fixed URIs of SAML 2.0 and XML-DSig that the verifier reads. */
final class SamlNames {
    static final String PROTOCOL_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String METADATA_NS = "urn:oasis:names:tc:SAML:2.0:metadata";
    static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

    static final String STATUS_SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
    static final String CM_BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    static final String NAMEID_FORMAT_PREFIX = "urn:oasis:names:tc:SAML:2.0:nameid-format:";
    static final String NAMEID_UNSPECIFIED = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";
    static final String ENTITY_FORMAT = "urn:oasis:names:tc:SAML:2.0:nameid-format:entity";

    /** The service-provider entity id AWS requires in the Audience. */
    static final String AMAZON_AUDIENCE = "urn:amazon:webservices";
    static final String AWS_ATTRIBUTE_PREFIX = "https://aws.amazon.com/SAML/Attributes/";

    private SamlNames() {
    }
}
