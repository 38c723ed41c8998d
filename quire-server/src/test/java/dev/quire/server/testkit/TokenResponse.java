package dev.quire.server.testkit;

/** The three tokens of a Keycloak token-endpoint answer; {@code refreshToken} may be null. */
public record TokenResponse(String idToken, String accessToken, String refreshToken) {
}
