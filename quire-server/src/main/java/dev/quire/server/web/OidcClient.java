package dev.quire.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The relying-party side of the OIDC authorization-code flow: discovery of the provider
 * registered in IAM, the authorization URL (state, nonce, PKCE S256) and the code exchange. The
 * ID token it returns is not trusted here: STS verifies it, exactly as for the API.
 */
final class OidcClient {
    /** The endpoints discovery gave; endSession may be null. */
    record Endpoints(String authorization, String token, String endSession) {
    }

    private final HttpClient http;
    private final Map<String, Endpoints> discovered = new ConcurrentHashMap<>();

    OidcClient(HttpClient http) {
        this.http = http;
    }

    /** {@code <issuer>/.well-known/openid-configuration}; the IAM provider URL may omit the scheme, meaning https. */
    Endpoints discover(String providerUrl) {
        String issuer = providerUrl.contains("://") ? providerUrl : "https://" + providerUrl;
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return discovered.computeIfAbsent(base, b -> {
            JsonNode doc = getJson(URI.create(b + "/.well-known/openid-configuration"));
            String auth = doc.path("authorization_endpoint").asText(null);
            String token = doc.path("token_endpoint").asText(null);
            if (auth == null || token == null) {
                throw new IllegalStateException("The OIDC discovery document of " + b
                        + " has no authorization_endpoint or token_endpoint.");
            }
            return new Endpoints(auth, token, doc.path("end_session_endpoint").asText(null));
        });
    }

    static String authorizationUrl(Endpoints e, String clientId, String redirectUri, String state, String nonce,
                                   String codeVerifier) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", clientId);
        q.put("redirect_uri", redirectUri);
        q.put("scope", "openid email profile");
        q.put("state", state);
        q.put("nonce", nonce);
        q.put("code_challenge", challenge(codeVerifier));
        q.put("code_challenge_method", "S256");
        return e.authorization() + (e.authorization().contains("?") ? "&" : "?") + WebHttp.formEncode(q);
    }

    /** Exchanges the code (client_secret_post) and returns the ID token, if the provider sent one. */
    Optional<String> exchange(Endpoints e, String clientId, String clientSecret, String code, String redirectUri,
                              String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        HttpRequest request = HttpRequest.newBuilder(URI.create(e.token())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(WebHttp.formEncode(form))).build();
        JsonNode body = send(request, "token endpoint");
        return Optional.ofNullable(body.path("id_token").asText(null));
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The unverified payload of a JWT (only to compare the nonce; STS checks the signature). */
    static JsonNode payload(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWT");
        }
        try {
            return WebHttp.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException ex) {
            throw new IllegalArgumentException("unreadable JWT payload");
        }
    }

    private JsonNode getJson(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(), "discovery");
    }

    private JsonNode send(HttpRequest request, String what) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("The identity provider's " + what + " answered HTTP " + r.statusCode());
            }
            return WebHttp.JSON.readTree(r.body());
        } catch (IOException ex) {
            throw new IllegalStateException("The identity provider's " + what + " could not be reached: "
                    + ex.getMessage(), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
