package dev.quire.core.qbusiness.webexperience;

/**
 * The IdentityProviderConfiguration union: SAML ({@code samlAuthenticationUrl}) or OpenID
 * Connect ({@code oidcSecretsArn} + {@code oidcSecretsRole}); exactly one side is set.
 */
public record WebIdentityProvider(String samlAuthenticationUrl, String oidcSecretsArn, String oidcSecretsRole) {
    public boolean saml() {
        return samlAuthenticationUrl != null;
    }
}
