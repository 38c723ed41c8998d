package dev.quire.devidp;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A DEVELOPMENT identity provider (OIDC + SAML 2.0) for {@code ./quire demo} and tests. It is
 * deliberately not for production: clear-text passwords, plain http on 127.0.0.1, in-memory state.
 *
 * <p>It mimics the Keycloak realm Quire is tested against, so Quire's STS accepts its tokens and
 * assertions unchanged: issuer {@code http://127.0.0.1:<port>/realms/<realm>}, Keycloak's endpoint
 * paths, RS256 ID tokens with the AWS session-tags claim, and SAML Responses whose Response and
 * Assertion are both signed.
 *
 * <pre>{@code
 * try (DevIdp idp = DevIdp.builder().realm("quire").port(0).keyDirectory(dir)
 *         .user("mary", "secret", "mary.major@example.com", "Mary Major", "engineering")
 *         .oidcClient("quire-web", "s3cret", "http://127.0.0.1/*")
 *         .samlServiceProvider("urn:amazon:webservices", roleArn + "," + providerArn, "http://localhost:8000/saml")
 *         .build().start()) {
 *     idp.issuer(); idp.samlMetadataUrl(); ...
 * }
 * }</pre>
 */
public final class DevIdp implements AutoCloseable {
    private static final Pattern REALM = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Builder config;
    private DevIdpServer server;
    private IdpContext context;

    private DevIdp(Builder config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Loads or makes the signing key, binds 127.0.0.1 and starts serving; logs a WARN that this is dev-only. */
    public synchronized DevIdp start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        SigningKeys keys = SigningKeys.loadOrCreate(config.keyDirectory, config.clock.instant());
        DevIdpServer bound = new DevIdpServer(config.port);
        String issuer = "http://127.0.0.1:" + bound.port() + "/realms/" + config.realm;
        context = new IdpContext(config.realm, issuer, config.users, config.clients, config.serviceProviders, keys,
                config.clock);
        bound.start(context);
        server = bound;
        DevIdpLog.warn("started at {} ({} users, {} OIDC clients, {} SAML SPs, keys {}). Never use it outside demos "
                        + "and tests.", issuer, config.users.size(), config.clients.size(), config.serviceProviders.size(),
                config.keyDirectory == null ? "ephemeral" : "in " + config.keyDirectory);
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
            DevIdpLog.warn("stopped");
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized int port() {
        started();
        return server.port();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** {@code http://127.0.0.1:<port>/realms/<realm>}: the OIDC issuer and the SAML entity id. */
    public String issuer() {
        return started().issuer;
    }

    public String discoveryUrl() {
        return started().url(OidcEndpoints.DISCOVERY_PATH);
    }

    public String jwksUrl() {
        return started().url(OidcEndpoints.JWKS_PATH);
    }

    public String authorizationEndpoint() {
        return started().url(OidcEndpoints.AUTHORIZE_PATH);
    }

    public String tokenEndpoint() {
        return started().url(OidcEndpoints.TOKEN_PATH);
    }

    public String userinfoEndpoint() {
        return started().url(OidcEndpoints.USERINFO_PATH);
    }

    public String endSessionEndpoint() {
        return started().url(OidcEndpoints.LOGOUT_PATH);
    }

    /** Same as {@link #issuer()}, as in Keycloak. */
    public String samlEntityId() {
        return issuer();
    }

    public String samlMetadataUrl() {
        return started().url(SamlEndpoints.METADATA_PATH);
    }

    /** The SingleSignOnService location (HTTP-Redirect and HTTP-POST bindings). */
    public String samlSsoUrl() {
        return started().url(SamlEndpoints.SSO_PATH);
    }

    /** Starts an IdP-initiated sign-in; {@code acsUrl} may be null for the SP's first exact ACS URL. */
    public String samlIdpInitiatedUrl(String spEntityId, String acsUrl) {
        String url = started().url(SamlEndpoints.IDP_INITIATED_PATH) + "?sp=" + Exchange.encode(spEntityId);
        return acsUrl == null ? url : url + "&acs=" + Exchange.encode(acsUrl);
    }

    /** The metadata document served at {@link #samlMetadataUrl()}, e.g. for IAM CreateSAMLProvider. */
    public String samlMetadataXml() {
        return new SamlEndpoints(started(), null).metadataXml();
    }

    /** The certificate of the one signing key (JWKS {@code x5c} and SAML metadata). */
    public X509Certificate signingCertificate() {
        return started().keys.certificate;
    }

    /** Mints an ID token without a browser, exactly as the token endpoint would (no nonce). */
    public String idTokenFor(String username, String clientId) {
        IdpContext idp = started();
        DevUser user = requireUser(idp, username);
        if (!idp.clients.containsKey(clientId)) {
            throw new IllegalArgumentException("unknown client " + clientId);
        }
        return idp.idTokens.mint(user, clientId, null, idp.now());
    }

    /** Makes a base64 SAMLResponse without a browser, as the IdP-initiated flow would post it. */
    public String samlResponseFor(String username, String spEntityId, String acsUrl) {
        return samlResponseFor(username, spEntityId, acsUrl, null);
    }

    /**
     * Makes a base64 SAMLResponse without a browser, as the SP-initiated flow would post it in answer
     * to the AuthnRequest whose ID is {@code inResponseTo} (on the Response and its
     * SubjectConfirmationData); null makes it IdP-initiated.
     */
    public String samlResponseFor(String username, String spEntityId, String acsUrl, String inResponseTo) {
        IdpContext idp = started();
        DevUser user = requireUser(idp, username);
        DevSamlServiceProvider sp = idp.serviceProviders.get(spEntityId);
        if (sp == null || !sp.allowsAcs(acsUrl)) {
            throw new IllegalArgumentException("unknown service provider or ACS URL not allowed: " + spEntityId + " " + acsUrl);
        }
        return idp.samlResponses.signedResponse(user, sp, acsUrl, inResponseTo, "idx_" + Secrets.token());
    }

    private static DevUser requireUser(IdpContext idp, String username) {
        DevUser user = idp.users.get(username);
        if (user == null) {
            throw new IllegalArgumentException("unknown user " + username);
        }
        return user;
    }

    private synchronized IdpContext started() {
        if (server == null) {
            throw new IllegalStateException("the development IdP is not running");
        }
        return context;
    }

    /** Collects users, clients and service providers; {@link #build()} validates nothing more than each entry did. */
    public static final class Builder {
        private String realm = "quire";
        private int port;
        private Path keyDirectory;
        private Clock clock = Clock.systemUTC();
        private final Map<String, DevUser> users = new LinkedHashMap<>();
        private final Map<String, DevOidcClient> clients = new LinkedHashMap<>();
        private final Map<String, DevSamlServiceProvider> serviceProviders = new LinkedHashMap<>();

        private Builder() {
        }

        /** The realm name in the issuer path; default {@code quire}. */
        public Builder realm(String realm) {
            if (realm == null || !REALM.matcher(realm).matches()) {
                throw new IllegalArgumentException("realm must be 1-64 of [A-Za-z0-9_-]");
            }
            this.realm = realm;
            return this;
        }

        /** The port on 127.0.0.1; 0 (default) picks a free one. Use a fixed port to keep the issuer stable. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range");
            }
            this.port = port;
            return this;
        }

        /** Where the signing key and certificate are kept as PEM files; null (default) = new keys each start. */
        public Builder keyDirectory(Path directory) {
            this.keyDirectory = directory;
            return this;
        }

        /** For tests that need a fixed time. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder user(DevUser user) {
            add(users, user.username(), user, "user");
            return this;
        }

        public Builder user(String username, String password, String email, String displayName, String... groups) {
            return user(new DevUser(username, password, email, displayName, List.of(groups)));
        }

        public Builder oidcClient(DevOidcClient client) {
            add(clients, client.clientId(), client, "OIDC client");
            return this;
        }

        public Builder oidcClient(String clientId, String secret, String... redirectUriPatterns) {
            return oidcClient(new DevOidcClient(clientId, secret, List.of(redirectUriPatterns)));
        }

        public Builder samlServiceProvider(DevSamlServiceProvider sp) {
            add(serviceProviders, sp.entityId(), sp, "SAML service provider");
            return this;
        }

        /** {@code roleAttributeValue} is {@code "<role-arn>,<saml-provider-arn>"}. */
        public Builder samlServiceProvider(String entityId, String roleAttributeValue, String... acsUrlPatterns) {
            return samlServiceProvider(new DevSamlServiceProvider(entityId, List.of(acsUrlPatterns),
                    List.of(roleAttributeValue)));
        }

        public DevIdp build() {
            Builder copy = new Builder();
            copy.realm = realm;
            copy.port = port;
            copy.keyDirectory = keyDirectory;
            copy.clock = clock;
            copy.users.putAll(users);
            copy.clients.putAll(clients);
            copy.serviceProviders.putAll(serviceProviders);
            return new DevIdp(copy);
        }

        private static <V> void add(Map<String, V> map, String key, V value, String what) {
            if (map.putIfAbsent(key, value) != null) {
                throw new IllegalArgumentException("duplicate " + what + ": " + key);
            }
        }
    }
}
