package dev.quire.identity.iam;

import dev.quire.spi.store.MetadataStore;
import java.time.Clock;

/** The IAM control plane of one account, all parts sharing one store, validator and clock. */
public final class IamService {
    private final IamRoles roles;
    private final IamPolicies policies;
    private final RolePolicies rolePolicies;
    private final OidcProviders oidcProviders;
    private final SamlProviders samlProviders;
    private final IamDirectory directory;

    public IamService(MetadataStore store, String accountId, PolicyDocumentValidator validator, Clock clock) {
        this.roles = new IamRoles(store, accountId, validator, clock);
        this.policies = new IamPolicies(store, accountId, validator, clock);
        this.rolePolicies = new RolePolicies(store, roles, policies, validator);
        this.oidcProviders = new OidcProviders(store, accountId, clock);
        this.samlProviders = new SamlProviders(store, accountId, clock);
        this.directory = new IamDirectory(accountId, roles, policies, oidcProviders, samlProviders);
    }

    public IamRoles roles() { return roles; }
    public IamPolicies policies() { return policies; }
    public RolePolicies rolePolicies() { return rolePolicies; }
    public OidcProviders oidcProviders() { return oidcProviders; }
    public SamlProviders samlProviders() { return samlProviders; }
    public IamDirectory directory() { return directory; }
}
