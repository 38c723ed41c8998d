package dev.quire.server;

import dev.quire.identity.credentials.RootCredentials;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Everything {@code quire serve} can be told. The flags and environment variables are a contract
 * that outside tools rely on: {@code --port} (8080), {@code --host} (127.0.0.1),
 * {@code --data-dir} (./quire-data), {@code --db-url} / {@code QUIRE_DB_URL},
 * {@code QUIRE_ROOT_ACCESS_KEY_ID} / {@code QUIRE_ROOT_SECRET_ACCESS_KEY}, {@code QUIRE_ACCOUNT_ID}.
 */
public record ServerConfig(String host, int port, Path dataDir, String dbUrl, String dbUser, String dbPassword,
                           String accountId, Optional<RootCredentials> rootFromEnvironment,
                           long maxBodyBytes, Clock clock, boolean allowInsecureOidcHttp,
                           String samlServiceProviderEntityId) {
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";
    public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;

    /** The SAML audience Quire accepts besides AWS's own (env QUIRE_SAML_SP_ENTITY_ID). */
    public static final String DEFAULT_SAML_SP_ENTITY_ID = "urn:quire:sp";

    /** The settings tests and embedders use: no insecure OIDC issuers, the default SAML SP id. */
    public ServerConfig(String host, int port, Path dataDir, String dbUrl, String dbUser, String dbPassword,
                        String accountId, Optional<RootCredentials> rootFromEnvironment, long maxBodyBytes, Clock clock) {
        this(host, port, dataDir, dbUrl, dbUser, dbPassword, accountId, rootFromEnvironment, maxBodyBytes, clock,
                false, DEFAULT_SAML_SP_ENTITY_ID);
    }

    public ServerConfig {
        if (!accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("QUIRE_ACCOUNT_ID must be 12 digits, got '" + accountId + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535");
        }
    }

    /** Defaults overlaid with the process environment. */
    public static ServerConfig fromEnvironment(String host, int port, Path dataDir, String dbUrl, Map<String, String> env) {
        String key = env.get("QUIRE_ROOT_ACCESS_KEY_ID");
        String secret = env.get("QUIRE_ROOT_SECRET_ACCESS_KEY");
        if ((key == null) != (secret == null)) {
            throw new IllegalArgumentException(
                    "Set both QUIRE_ROOT_ACCESS_KEY_ID and QUIRE_ROOT_SECRET_ACCESS_KEY, or neither.");
        }
        Optional<RootCredentials> root = key == null ? Optional.empty() : Optional.of(new RootCredentials(key, secret));
        return new ServerConfig(host, port, dataDir,
                dbUrl != null ? dbUrl : env.get("QUIRE_DB_URL"),
                env.getOrDefault("QUIRE_DB_USER", ""), env.getOrDefault("QUIRE_DB_PASSWORD", ""),
                env.getOrDefault("QUIRE_ACCOUNT_ID", DEFAULT_ACCOUNT_ID), root, DEFAULT_MAX_BODY_BYTES,
                Clock.systemUTC(), "true".equalsIgnoreCase(env.get("QUIRE_ALLOW_INSECURE_OIDC_HTTP")),
                env.getOrDefault("QUIRE_SAML_SP_ENTITY_ID", DEFAULT_SAML_SP_ENTITY_ID));
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, dataDir, dbUrl, dbUser, dbPassword, accountId, rootFromEnvironment,
                maxBodyBytes, clock, allowInsecureOidcHttp, samlServiceProviderEntityId);
    }
}
