package dev.quire.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;

/**
 * oidcapp.py in Java: a local web app where a user logs in at the IdP (authorization code flow
 * with PKCE), and whose ID token is exchanged for temporary credentials with
 * AssumeRoleWithWebIdentity. Unlike the seed it checks what the seed leaves as comments: the
 * state (bound to a cookie), the ID token's signature, issuer, audience and expiry, and its nonce.
 * Environment: oidcapp-env.sh, and PORT (default 8000).
 */
public final class OidcApp implements AutoCloseable {
    static final String SESSION_COOKIE = "oidcapp_login";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The variables of oidcapp-env.sh. */
    public record Config(String clientId, String clientSecret, String discoveryUrl, String redirectUri,
                         String logoutRedirectUri, String roleArn) {
        public static Config fromEnv(Env env) {
            return new Config(env.required("OIDC_CLIENT_ID"), env.required("OIDC_CLIENT_SECRET"),
                    env.required("OIDC_DISCOVERY_URL"), env.required("OIDC_REDIRECT_URI"),
                    env.required("LOGOUT_REDIRECT_URI"), env.required("OIDC_ROLE_ARN"));
        }
    }

    private record Pending(String state, String nonce, String codeVerifier) {
    }

    private final Config config;
    private final OidcDiscovery discovery;
    private final IdTokenVerifier verifier;
    private final StsClient sts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final PendingLogins<Pending> pending = new PendingLogins<>(Clock.systemUTC());
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    private OidcApp(Config config, StsClient sts, int port) throws IOException, InterruptedException {
        this.config = config;
        this.sts = sts;
        this.discovery = OidcDiscovery.fetch(http, config.discoveryUrl());
        this.verifier = new IdTokenVerifier(discovery, config.clientId());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::route);
        server.setExecutor(executor);
        server.start();
    }

    /** Fetches the discovery document and serves on loopback {@code port} (0: any free port). */
    public static OidcApp start(Config config, StsClient sts, int port) throws IOException, InterruptedException {
        return new OidcApp(config, sts, port);
    }

    public static void main(String[] args) {
        ProgramExit.run(() -> {
            Env env = Env.system();
            Config config = Config.fromEnv(env);
            int port = Integer.parseInt(env.optional("PORT", "8000"));
            OidcApp app = start(config, Clients.anonymousSts(env.region()), port);
            System.out.println("OidcApp listening on http://localhost:" + app.port() + "/ (Ctrl-C to stop)");
        });
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void route(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean get = exchange.getRequestMethod().equals("GET");
            if (get && path.equals("/")) {
                Web.html(exchange, 200, "<h1>Get AWS IAM Federation credentials</h1>"
                        + "<a href=\"/login/oidc\">Login with OIDC</a>");
            } else if (get && path.equals("/login/oidc")) {
                login(exchange);
            } else if (get && path.equals("/auth/oidc/callback")) {
                callback(exchange);
            } else {
                Web.error(exchange, 404, "Not found", path);
            }
        } catch (RuntimeException e) {
            Web.error(exchange, 500, "Error", String.valueOf(e.getMessage()));
        }
    }

    private void login(HttpExchange exchange) throws IOException {
        // The cookie must come back to the callback: start the login on the redirect URI's own host.
        URI redirect = URI.create(config.redirectUri());
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host != null && !host.equalsIgnoreCase(redirect.getRawAuthority())) {
            Web.redirect(exchange, redirect.resolve("/login/oidc").toString());
            return;
        }
        Pending login = new Pending(Web.randomToken(), Web.randomToken(), Web.randomToken());
        Web.setSessionCookie(exchange, SESSION_COOKIE, pending.put(login));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", config.clientId());
        params.put("response_type", "code");
        params.put("scope", "openid email profile");
        params.put("redirect_uri", config.redirectUri());
        params.put("state", login.state());
        params.put("nonce", login.nonce());
        params.put("code_challenge", Pkce.s256Challenge(login.codeVerifier()));
        params.put("code_challenge_method", "S256");
        Web.redirect(exchange, discovery.authorizationEndpoint() + "?" + Web.formEncode(params));
    }

    private void callback(HttpExchange exchange) throws IOException {
        Map<String, String> query = Web.query(exchange);
        // one try per login: the pending entry is gone whatever happens next
        Optional<Pending> started = pending.take(Web.cookie(exchange, SESSION_COOKIE).orElse(null));
        Web.clearCookie(exchange, SESSION_COOKIE);
        if (started.isEmpty()) {
            Web.error(exchange, 400, "Login not started here",
                    "No login in progress for this browser (or it expired). Start again from /login/oidc.");
            return;
        }
        Pending login = started.get();
        String state = query.getOrDefault("state", "");
        if (!MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                login.state().getBytes(StandardCharsets.UTF_8))) {
            Web.error(exchange, 400, "Invalid state", "The state parameter does not match this browser's login.");
            return;
        }
        if (query.containsKey("error") || !query.containsKey("code")) {
            Web.error(exchange, 400, "Login failed", query.getOrDefault("error", "no code") + ": "
                    + query.getOrDefault("error_description", ""));
            return;
        }
        JsonNode tokens = exchangeCode(query.get("code"), login.codeVerifier());
        if (tokens.has("error")) {
            Web.error(exchange, 502, "Token Error", tokens.get("error").asText());
            return;
        }
        String idToken = tokens.path("id_token").asText();
        JWTClaimsSet claims;
        try {
            claims = verifier.verify(idToken, login.nonce());
        } catch (IdTokenVerifier.RejectedTokenException e) {
            Web.error(exchange, 400, "ID token rejected", e.getMessage());
            return;
        }
        Web.html(exchange, 200, successPage(idToken, tokens.path("access_token").asText(), claims));
    }

    /** The token request of the seed (client secret in the form), plus the PKCE verifier. */
    private JsonNode exchangeCode(String code, String codeVerifier) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", config.redirectUri());
        form.put("client_id", config.clientId());
        form.put("client_secret", config.clientSecret());
        form.put("code_verifier", codeVerifier);
        HttpRequest request = HttpRequest.newBuilder(URI.create(discovery.tokenEndpoint())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Web.formEncode(form))).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return JSON.createObjectNode().put("error", "HTTP " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during the token request", e);
        }
    }

    private String successPage(String idToken, String accessToken, JWTClaimsSet claims) throws IOException {
        String stsSection;
        try {
            AssumeRoleWithWebIdentityResponse response = sts.assumeRoleWithWebIdentity(r -> r
                    .roleArn(config.roleArn()).roleSessionName("OIDCSession").webIdentityToken(idToken)
                    .durationSeconds(3600));
            stsSection = Web.credentialsSection("AWS AssumeRoleWithWebIdentity Response:", response.credentials(),
                    response.assumedRoleUser().arn());
        } catch (SdkException e) {
            stsSection = "<h2>Error calling AWS API:</h2><pre>" + Web.escape(e.getMessage()) + "</pre>";
        }
        Object name = claims.getClaim("name");
        String logout = discovery.endSessionEndpoint() == null ? "/" : discovery.endSessionEndpoint() + "?"
                + Web.formEncode(Map.of("id_token_hint", idToken, "client_id", config.clientId(),
                        "post_logout_redirect_uri", config.logoutRedirectUri()));
        return "<h1>OIDC Login Successful</h1>"
                + "<p>Welcome, " + Web.escape(name instanceof String n ? n : "User") + "!</p>"
                + "<h2>ID Token Claims:</h2><pre>" + Web.escape(JSON.writeValueAsString(claims.toJSONObject())) + "</pre>"
                + "<h2>Access Token:</h2><pre>" + Web.escape(accessToken) + "</pre>"
                + stsSection
                + "<a href=\"" + Web.escape(logout) + "\">Logout</a>";
    }
}
