package dev.quire.cli.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Signs a user in at an OpenID provider with the resource-owner password grant: discovery, then a
 * POST to its token endpoint with the client's credentials (client_secret_basic). Good for a CLI
 * against a development IdP; a real deployment signs users in through the browser.
 */
public final class OidcPasswordLogin {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Returns the ID token of {@code username}. */
    public String idToken(String issuer, String clientId, String clientSecret, String username, String password) {
        String tokenEndpoint = tokenEndpoint(issuer);
        String form = "grant_type=password&scope=" + enc("openid email profile") + "&username=" + enc(username)
                + "&password=" + enc(password);
        String basic = Base64.getEncoder().encodeToString((enc(clientId) + ":" + enc(clientSecret))
                .getBytes(StandardCharsets.UTF_8));
        JsonNode body = send(HttpRequest.newBuilder(URI.create(tokenEndpoint)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), "sign-in at " + tokenEndpoint);
        String idToken = body.path("id_token").asText("");
        if (idToken.isEmpty()) {
            throw new IllegalStateException("The IdP answered without an id_token (is 'openid' an allowed scope?)");
        }
        return idToken;
    }

    private String tokenEndpoint(String issuer) {
        String discovery = issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        JsonNode doc = send(HttpRequest.newBuilder(URI.create(discovery)).timeout(Duration.ofSeconds(10)).GET().build(),
                "discovery at " + discovery);
        String endpoint = doc.path("token_endpoint").asText("");
        if (endpoint.isEmpty()) {
            throw new IllegalStateException("The discovery document at " + discovery + " names no token_endpoint");
        }
        return endpoint;
    }

    private JsonNode send(HttpRequest request, String what) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
            if (r.statusCode() != 200) {
                String error = body.path("error_description").asText(body.path("error").asText("HTTP " + r.statusCode()));
                throw new IllegalStateException("The " + what + " failed: " + error);
            }
            return body;
        } catch (IOException e) {
            throw new IllegalStateException("The " + what + " failed: " + e.getMessage()
                    + " (is the IdP running? './quire demo' starts one)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
