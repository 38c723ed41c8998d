package dev.quire.identity.sts;

/** AssumeRoleWithWebIdentity's result: the session plus what the token said. */
public record WebIdentitySession(IssuedSession session, String subjectFromWebIdentityToken, String provider,
                                 String audience) {
}
