package dev.quire.server;

import dev.quire.identity.credentials.SessionTokenCodec;
import dev.quire.identity.iam.IamDirectory;
import dev.quire.identity.oidc.IssuerPolicy;
import dev.quire.identity.oidc.JwksCache;
import dev.quire.identity.oidc.RegisteredOidcProvider;
import dev.quire.identity.oidc.WebIdentityTokenVerifier;
import dev.quire.identity.saml.SamlResponseVerifier;
import dev.quire.identity.sts.StsService;
import dev.quire.core.identity.StoredAssertionReplayCache;
import dev.quire.core.qbusiness.IdentityProviderLookup;
import dev.quire.core.secrets.Secrets;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.store.MetadataStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;

/** Builds STS with its verifiers: OIDC against the registered providers' JWKS, SAML against their metadata. */
final class IdentityWiring {
    /** The SP entity id AWS puts in the SAML Audience; Quire accepts it so IdP setups made for AWS work as is. */
    static final String AWS_SAML_AUDIENCE = "urn:amazon:webservices";
    private static final Duration JWKS_TTL = Duration.ofMinutes(10);

    private IdentityWiring() {
    }

    /** (secret name or ARN, region) -> the secret's ARN for policy evaluation; the input when unknown. */
    static java.util.function.BiFunction<String, String, String> secretArnResolver(Secrets secrets) {
        return (secretId, region) -> {
            try {
                return secrets.describe(region, secretId).arn();
            } catch (ApiError notFound) {
                return secretId;
            }
        };
    }

    /** What CreateApplication checks: the provider ARN names a registered OIDC or SAML provider. */
    static IdentityProviderLookup providerTypes(IamDirectory iam) {
        return arn -> iam.oidcProviderByArn(arn).map(p -> IdentityProviderLookup.OIDC)
                .or(() -> iam.samlProviderByArn(arn).map(p -> IdentityProviderLookup.SAML));
    }

    static StsService sts(ServerConfig config, MetadataStore store, IamDirectory iam, SessionTokenCodec tokens,
                          SecureRandom random) {
        IssuerPolicy issuers = config.allowInsecureOidcHttp()
                ? IssuerPolicy.allowInsecureHttp(true) : IssuerPolicy.loopbackHttpOnly();
        JwksCache jwks = new JwksCache(JwksCache.defaultHttpClient(), JWKS_TTL, config.clock(), issuers);
        WebIdentityTokenVerifier oidc = new WebIdentityTokenVerifier(
                issuer -> iam.oidcProviderByUrl(issuer)
                        .map(p -> new RegisteredOidcProvider(p.arn(), p.url(), p.clientIds())),
                jwks, config.clock());
        // Assertion IDs live in the store, so nodes sharing one database refuse each other's replays.
        SamlResponseVerifier saml = new SamlResponseVerifier(config.clock(),
                Set.of(AWS_SAML_AUDIENCE, config.samlServiceProviderEntityId()),
                new StoredAssertionReplayCache(store, config.clock()));
        return new StsService(config.accountId(), iam, oidc, saml, tokens, config.clock(), random);
    }
}
