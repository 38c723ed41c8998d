package dev.quire.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The endpoints an OpenID provider publishes at its discovery URL. */
public record OidcDiscovery(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri,
                            String endSessionEndpoint) {

    /** GET {@code discoveryUrl} (the seed's {@code requests.get(OIDC_DISCOVERY_URL, timeout=10)}). */
    public static OidcDiscovery fetch(HttpClient http, String discoveryUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(discoveryUrl))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + discoveryUrl + " answered HTTP " + response.statusCode());
        }
        JsonNode doc = new ObjectMapper().readTree(response.body());
        return new OidcDiscovery(required(doc, "issuer"), required(doc, "authorization_endpoint"),
                required(doc, "token_endpoint"), required(doc, "jwks_uri"),
                doc.path("end_session_endpoint").asText(null));
    }

    private static String required(JsonNode doc, String field) throws IOException {
        String value = doc.path(field).asText("");
        if (value.isEmpty()) {
            throw new IOException("the discovery document has no " + field);
        }
        return value;
    }
}
