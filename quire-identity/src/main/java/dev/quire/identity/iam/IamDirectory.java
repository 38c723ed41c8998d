package dev.quire.identity.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Read-only lookups for STS and authorization. Every lookup by ARN requires the stored ARN to be
 * exactly the one asked for (path, account and case included), so a near-miss never resolves.
 */
public final class IamDirectory {
    private final String accountId;
    private final IamRoles roles;
    private final IamPolicies policies;
    private final OidcProviders oidc;
    private final SamlProviders saml;

    public IamDirectory(String accountId, IamRoles roles, IamPolicies policies, OidcProviders oidc, SamlProviders saml) {
        this.accountId = accountId;
        this.roles = roles;
        this.policies = policies;
        this.oidc = oidc;
        this.saml = saml;
    }

    /** {@code arn:aws:iam::<acct>:role[/path/]<name>} of a role that exists. */
    public Optional<IamRole> roleByArn(String roleArn) {
        String prefix = "arn:aws:iam::" + accountId + ":role/";
        if (roleArn == null || !roleArn.startsWith(prefix)) {
            return Optional.empty();
        }
        String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        return roles.find(name).filter(r -> r.arn().equals(roleArn));
    }

    /** Role names are unique ignoring case, as in IAM. */
    public Optional<IamRole> roleByName(String name) {
        return roles.find(name);
    }

    /**
     * The role's permission policies as stored: inline documents (by policy name), then the
     * default-version document of each attached managed policy. Reads the role afresh, so a
     * policy detached since {@code role} was read no longer counts.
     */
    public List<String> permissionPolicyDocuments(IamRole role) {
        IamRole current = roles.find(role.roleName()).filter(r -> r.roleId().equals(role.roleId())).orElse(null);
        if (current == null) {
            return List.of();
        }
        List<String> documents = new ArrayList<>(current.inlinePolicies().values());
        for (String arn : current.attachedPolicyArns()) {
            policies.byArn(arn).ifPresent(p -> documents.add(p.defaultDocument()));
        }
        return List.copyOf(documents);
    }

    /** The provider registered for this issuer, scheme included, ignoring one trailing slash. */
    public Optional<OidcProviderRecord> oidcProviderByUrl(String issuerUrl) {
        return oidc.byUrl(issuerUrl);
    }

    public Optional<OidcProviderRecord> oidcProviderByArn(String arn) {
        return oidc.byArn(arn);
    }

    public Optional<SamlProviderRecord> samlProviderByArn(String arn) {
        return saml.byArn(arn);
    }
}
