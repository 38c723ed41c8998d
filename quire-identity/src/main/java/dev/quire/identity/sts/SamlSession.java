package dev.quire.identity.sts;

/** AssumeRoleWithSAML's result: the session plus what the assertion said. */
public record SamlSession(IssuedSession session, String subject, String subjectType, String issuer,
                          String audience, String nameQualifier) {
}
