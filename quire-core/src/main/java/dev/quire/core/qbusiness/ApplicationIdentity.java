package dev.quire.core.qbusiness;

import dev.quire.spi.error.ApiError;

/** Which identity set-ups an application may have in Quire, checked against the IAM providers that exist. */
final class ApplicationIdentity {
    private final IdentityProviderLookup providers;

    ApplicationIdentity(IdentityProviderLookup providers) {
        this.providers = providers;
    }

    static ApiError identityCenterUnavailable(String field) {
        return ApiError.invalidField(field, "IAM Identity Center (AWS_IAM_IDC) isn't available in Quire: use "
                + "AWS_IAM_IDP_OIDC or AWS_IAM_IDP_SAML with an IAM identity provider, or ANONYMOUS.");
    }

    void check(NewApplication r) {
        String type = r.identityType();
        if (type == null || type.equals("AWS_IAM_IDC")) {
            // AWS defaults to Identity Center when identityType is left out.
            throw identityCenterUnavailable("identityType");
        }
        if (r.identityCenterInstanceArn() != null) {
            throw identityCenterUnavailable("identityCenterInstanceArn");
        }
        if (type.equals("AWS_QUICKSIGHT_IDP")) {
            throw ApiError.invalidField("identityType", "AWS_QUICKSIGHT_IDP isn't available in Quire.");
        }
        if (!type.equals("AWS_IAM_IDP_OIDC") && !r.clientIdsForOIDC().isEmpty()) {
            throw ApiError.invalidField("clientIdsForOIDC", "clientIdsForOIDC is only for AWS_IAM_IDP_OIDC.");
        }
        switch (type) {
            case "ANONYMOUS" -> {
                if (r.iamIdentityProviderArn() != null) {
                    throw ApiError.invalidField("iamIdentityProviderArn",
                            "An ANONYMOUS application has no identity provider.");
                }
            }
            case "AWS_IAM_IDP_OIDC" -> {
                requireProvider(r.iamIdentityProviderArn(), IdentityProviderLookup.OIDC);
                if (r.clientIdsForOIDC().isEmpty()) {
                    throw ApiError.invalidField("clientIdsForOIDC",
                            "clientIdsForOIDC is required for AWS_IAM_IDP_OIDC.");
                }
            }
            case "AWS_IAM_IDP_SAML" -> requireProvider(r.iamIdentityProviderArn(), IdentityProviderLookup.SAML);
            default -> throw ApiError.invalidField("identityType", "Unknown identityType " + type + ".");
        }
    }

    private void requireProvider(String arn, String expectedType) {
        if (arn == null) {
            throw ApiError.invalidField("iamIdentityProviderArn",
                    "iamIdentityProviderArn is required for an " + expectedType + " identity type.");
        }
        String actual = providers.providerType(arn).orElseThrow(() -> ApiError.invalidField("iamIdentityProviderArn",
                "The IAM identity provider " + arn + " doesn't exist."));
        if (!actual.equals(expectedType)) {
            throw ApiError.invalidField("iamIdentityProviderArn", "The IAM identity provider " + arn + " is a "
                    + actual + " provider, but the identityType needs a " + expectedType + " provider.");
        }
    }
}
