package dev.quire.devidp;

/**
 * A request the IdP refuses. Rendered by one place ({@link DevIdpServer}): as an OAuth JSON error
 * for API endpoints, as an HTML error page (with the dev-only banner) for browser endpoints.
 */
final class HttpError extends RuntimeException {
    final int status;
    final String oauthError;

    HttpError(int status, String oauthError, String description) {
        super(description, null, false, false);
        this.status = status;
        this.oauthError = oauthError;
    }

    static HttpError badRequest(String description) {
        return new HttpError(400, "invalid_request", description);
    }
}
