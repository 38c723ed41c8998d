package dev.quire.identity.iam;

import java.time.Instant;

/** One version of a managed policy; which one is the default is kept on the policy. */
public record IamPolicyVersion(String versionId, String document, Instant createDate) {
}
