package dev.quire.identity.saml;

import java.util.Objects;

/** One value of the AWS {@code Role} attribute: a role the IdP allows, and the SAML provider that vouches. */
public record RolePair(String roleArn, String providerArn) {
    public RolePair {
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(providerArn, "providerArn");
    }
}
