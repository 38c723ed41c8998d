package dev.quire.identity.sts;

import dev.quire.identity.credentials.SessionTokenCodec;
import dev.quire.identity.iam.IamDirectory;
import dev.quire.identity.iam.IamRole;
import dev.quire.identity.iam.SamlProviderRecord;
import dev.quire.identity.oidc.VerifiedWebIdentity;
import dev.quire.identity.oidc.WebIdentityException;
import dev.quire.identity.oidc.WebIdentityTokenVerifier;
import dev.quire.identity.policy.PrincipalType;
import dev.quire.identity.policy.RequestContext;
import dev.quire.identity.saml.RolePair;
import dev.quire.identity.saml.SamlException;
import dev.quire.identity.saml.SamlProviderMetadata;
import dev.quire.identity.saml.SamlResponseVerifier;
import dev.quire.identity.saml.VerifiedSamlAssertion;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.identity.Caller;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * STS: turns a verified identity (an OIDC ID token, a SAML response, or a signed caller) into
 * temporary credentials for a role whose trust policy allows it. Each step is one line that
 * either continues or throws the AWS error.
 */
public final class StsService {
    private final String accountId;
    private final IamDirectory iam;
    private final WebIdentityTokenVerifier webIdentity;
    private final SamlResponseVerifier saml;
    private final TemporaryCredentials credentials;
    private final Clock clock;

    public StsService(String accountId, IamDirectory iam, WebIdentityTokenVerifier webIdentity,
                      SamlResponseVerifier saml, SessionTokenCodec tokens, Clock clock, SecureRandom random) {
        this.accountId = accountId;
        this.iam = iam;
        this.webIdentity = webIdentity;
        this.saml = saml;
        this.credentials = new TemporaryCredentials(accountId, tokens, random);
        this.clock = clock;
    }

    public WebIdentitySession assumeRoleWithWebIdentity(String roleArn, String sessionName, String token,
                                                        Integer durationSeconds, DecisionListener listener) {
        SessionRequestRules.sessionName(sessionName);
        VerifiedWebIdentity id;
        try {
            id = webIdentity.verify(token);
        } catch (WebIdentityException e) {
            throw new ApiError(webIdentityCode(e.code()), e.getMessage());
        }
        IamRole role = role(roleArn, "sts:AssumeRoleWithWebIdentity");
        String prefix = id.conditionKeyPrefix();
        RequestContext.Builder ctx = RequestContext.builder()
                .principal(PrincipalType.FEDERATED, id.provider().arn())
                .key(prefix + ":aud", id.audience())
                .key(prefix + ":sub", id.subject())
                .key("aws:FederatedProvider", id.provider().arn());
        if (!id.amr().isEmpty()) {
            ctx.key(prefix + ":amr", id.amr());
        }
        SessionRequestRules.tags(id.principalTags());
        TrustPolicyCheck.require(role, "sts:AssumeRoleWithWebIdentity", ctx, id.principalTags(), listener);
        int duration = SessionRequestRules.duration(durationSeconds, role, null);
        IssuedSession session = credentials.issue(role, sessionName, id.principalTags(), id.transitiveTagKeys(),
                null, id.provider().arn(), now(), duration);
        return new WebIdentitySession(session, id.subject(), id.issuer(), id.audience());
    }

    public SamlSession assumeRoleWithSaml(String roleArn, String principalArn, String samlResponse,
                                          Integer durationSeconds, DecisionListener listener) {
        SamlProviderRecord provider = iam.samlProviderByArn(principalArn).orElseThrow(() -> new ApiError(
                ErrorCode.INVALID_IDENTITY_TOKEN, "The SAML provider " + principalArn + " does not exist in this account."));
        VerifiedSamlAssertion assertion;
        try {
            assertion = saml.verify(samlResponse, SamlProviderMetadata.parse(provider.metadataDocument()));
        } catch (SamlException e) {
            throw new ApiError(e.code() == SamlException.Code.EXPIRED_TOKEN
                    ? ErrorCode.EXPIRED_TOKEN : ErrorCode.INVALID_IDENTITY_TOKEN, e.getMessage());
        }
        IamRole role = role(roleArn, "sts:AssumeRoleWithSAML");
        if (!assertion.roles().contains(new RolePair(role.arn(), provider.arn()))) {
            throw TrustPolicyCheck.denied("sts:AssumeRoleWithSAML", role);
        }
        String nameQualifier = assertion.nameQualifier(accountId, provider.name());
        RequestContext.Builder ctx = RequestContext.builder()
                .principal(PrincipalType.FEDERATED, provider.arn())
                .key("SAML:aud", assertion.recipient())
                .key("SAML:sub", assertion.nameId())
                .key("SAML:sub_type", assertion.subjectType())
                .key("SAML:iss", assertion.issuer())
                .key("SAML:namequalifier", nameQualifier)
                .key("SAML:doc", provider.arn() + "/" + role.roleName())
                .key("aws:FederatedProvider", provider.arn());
        SessionRequestRules.sessionName(assertion.roleSessionName());
        SessionRequestRules.tags(assertion.principalTags());
        TrustPolicyCheck.require(role, "sts:AssumeRoleWithSAML", ctx, assertion.principalTags(), listener);
        int duration = SessionRequestRules.duration(durationSeconds, role, assertion.sessionDurationSeconds());
        IssuedSession session = credentials.issue(role, assertion.roleSessionName(), assertion.principalTags(),
                assertion.transitiveTagKeys(), assertion.sourceIdentity(), provider.arn(), now(), duration);
        return new SamlSession(session, assertion.nameId(), assertion.subjectType(), assertion.issuer(),
                assertion.recipient(), nameQualifier, assertion.inResponseTo());
    }

    /** AssumeRole by a signed caller: root, or a role session (chaining keeps transitive tags, max 1 h). */
    public IssuedSession assumeRole(Caller caller, String roleArn, String sessionName, Integer durationSeconds,
                                    Map<String, String> tags, List<String> transitiveTagKeys, String sourceIdentity,
                                    String externalId, DecisionListener listener) {
        SessionRequestRules.sessionName(sessionName);
        IamRole role = role(roleArn, "sts:AssumeRole");
        Map<String, String> sessionTags = new LinkedHashMap<>(tags);
        SessionRequestRules.tags(sessionTags);
        RequestContext.Builder ctx = RequestContext.builder()
                // The evaluator does not link sessions to their role: name both, as AWS matches either.
                .principal(PrincipalType.AWS, caller.roleArn() != null
                        ? new String[] {caller.arn(), caller.roleArn()} : new String[] {caller.arn()})
                .key("aws:PrincipalArn", caller.roleArn() != null ? caller.roleArn() : caller.arn())
                .key("aws:PrincipalAccount", caller.accountId());
        caller.sessionTags().forEach((k, v) -> ctx.key("aws:PrincipalTag/" + k, v));
        if (externalId != null) {
            ctx.key("sts:ExternalId", externalId);
        }
        TrustPolicyCheck.require(role, "sts:AssumeRole", ctx, sessionTags, listener);
        if (!caller.isRoot() && durationSeconds != null && durationSeconds > 3600) {
            throw new ApiError(ErrorCode.STS_VALIDATION,
                    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        }
        int duration = SessionRequestRules.duration(durationSeconds, role, caller.isRoot() ? null : 3600);
        return credentials.issue(role, sessionName, sessionTags, transitiveTagKeys, sourceIdentity, null, now(), duration);
    }

    private IamRole role(String roleArn, String action) {
        if (roleArn == null || !roleArn.startsWith("arn:aws:iam::" + accountId + ":role/")) {
            throw new ApiError(ErrorCode.STS_ACCESS_DENIED, "Not authorized to perform " + action + " on " + roleArn);
        }
        return iam.roleByArn(roleArn).orElseThrow(() -> new ApiError(ErrorCode.STS_ACCESS_DENIED,
                "Not authorized to perform " + action + " on " + roleArn));
    }

    private Instant now() {
        return clock.instant();
    }

    private static ErrorCode webIdentityCode(WebIdentityException.Code code) {
        return switch (code) {
            case INVALID_IDENTITY_TOKEN -> ErrorCode.INVALID_IDENTITY_TOKEN;
            case EXPIRED_TOKEN -> ErrorCode.EXPIRED_TOKEN;
            case IDP_COMMUNICATION_ERROR -> ErrorCode.IDP_COMMUNICATION_ERROR;
            case IDP_REJECTED_CLAIM -> ErrorCode.IDP_REJECTED_CLAIM;
        };
    }
}
