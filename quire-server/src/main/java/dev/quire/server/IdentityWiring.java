package dev.quire.server;

import dev.quire.identity.credentials.SessionTokenCodec;
import dev.quire.identity.iam.IamDirectory;
import dev.quire.identity.oidc.IssuerPolicy;
import dev.quire.identity.oidc.JwksCache;
import dev.quire.identity.oidc.RegisteredOidcProvider;
import dev.quire.identity.oidc.WebIdentityTokenVerifier;
import dev.quire.identity.saml.InMemoryAssertionReplayCache;
import dev.quire.identity.saml.SamlResponseVerifier;
import dev.quire.identity.sts.StsService;
import dev.quire.core.qbusiness.IdentityProviderLookup;
import dev.quire.core.secrets.Secrets;
import dev.quire.spi.error.ApiError;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;

/** Builds STS with its verifiers: OIDC against the registered providers' JWKS, SAML against their metadata. */
final class IdentityWiring {
    /** The SP entity id AWS puts in the SAML Audience; Quire accepts it so IdP setups made for AWS work as is. */
    static final String AWS_SAML_AUDIENCE = "urn:amazon:webservices";
    private static final Duration JWKS_TTL = Duration.ofMinutes(10);
    private static final int REPLAY_CACHE_ENTRIES = 100_000;

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

    static StsService sts(ServerConfig config, IamDirectory iam, SessionTokenCodec tokens, SecureRandom random) {
        IssuerPolicy issuers = config.allowInsecureOidcHttp()
                ? IssuerPolicy.allowInsecureHttp(true) : IssuerPolicy.loopbackHttpOnly();
        JwksCache jwks = new JwksCache(JwksCache.defaultHttpClient(), JWKS_TTL, config.clock(), issuers);
        WebIdentityTokenVerifier oidc = new WebIdentityTokenVerifier(
                issuer -> iam.oidcProviderByUrl(issuer)
                        .map(p -> new RegisteredOidcProvider(p.arn(), p.url(), p.clientIds())),
                jwks, config.clock());
        // The replay cache is per node: with several nodes a replay to another node is caught only
        // by the assertion's short lifetime (noted in the README's limits).
        SamlResponseVerifier saml = new SamlResponseVerifier(config.clock(),
                Set.of(AWS_SAML_AUDIENCE, config.samlServiceProviderEntityId()),
                new InMemoryAssertionReplayCache(config.clock(), REPLAY_CACHE_ENTRIES));
        return new StsService(config.accountId(), iam, oidc, saml, tokens, config.clock(), random);
    }
}
