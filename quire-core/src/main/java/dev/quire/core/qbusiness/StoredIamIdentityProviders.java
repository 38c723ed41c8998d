package dev.quire.core.qbusiness;

import dev.quire.spi.store.MetadataStore;
import java.util.Optional;

/**
 * Looks IAM identity providers up in the metadata store. Assumption (to be confirmed by the IAM
 * area): providers are stored with kind {@value #OIDC_KIND} or {@value #SAML_KIND} and id = the
 * provider's ARN.
 */
public final class StoredIamIdentityProviders implements IdentityProviderLookup {
    public static final String OIDC_KIND = "iam-oidc-provider";
    public static final String SAML_KIND = "iam-saml-provider";

    private final MetadataStore store;

    public StoredIamIdentityProviders(MetadataStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> providerType(String providerArn) {
        if (store.get(OIDC_KIND, providerArn).isPresent()) {
            return Optional.of(OIDC);
        }
        if (store.get(SAML_KIND, providerArn).isPresent()) {
            return Optional.of(SAML);
        }
        return Optional.empty();
    }
}
