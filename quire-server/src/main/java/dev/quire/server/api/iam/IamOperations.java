package dev.quire.server.api.iam;

import dev.quire.identity.iam.IamService;
import java.util.HashMap;
import java.util.Map;

/** Every IAM action Quire serves, by wire action name. */
public final class IamOperations {
    private IamOperations() {
    }

    public static Map<String, IamOperation> of(IamService iam) {
        Map<String, IamOperation> ops = new HashMap<>();
        RoleOperations.register(ops, iam.roles(), iam.rolePolicies());
        PolicyOperations.register(ops, iam.policies());
        ProviderOperations.register(ops, iam.oidcProviders(), iam.samlProviders());
        return Map.copyOf(ops);
    }
}
