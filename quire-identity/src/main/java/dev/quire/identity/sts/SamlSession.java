package dev.quire.identity.sts;

import dev.quire.identity.saml.InResponseTo;

/**
 * AssumeRoleWithSAML's result: the session plus what the assertion said. {@code inResponseTo} is for
 * a caller that sent the AuthnRequest (the web experience's ACS) to match against it; STS ignores it.
 */
public record SamlSession(IssuedSession session, String subject, String subjectType, String issuer,
                          String audience, String nameQualifier, InResponseTo inResponseTo) {
}
