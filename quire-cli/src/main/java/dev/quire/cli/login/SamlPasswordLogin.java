package dev.quire.cli.login;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Gets a SAMLResponse for a user with their username and password, without a browser: opens the
 * IdP's sign-in URL (IdP-initiated, e.g. Keycloak's {@code …/protocol/saml/clients/<name>} or the
 * development IdP's {@code …/protocol/saml/idp-init?sp=…}), fills in the sign-in form the IdP shows,
 * and reads the SAMLResponse from the page that would post it to the application. The response is
 * never posted anywhere but to STS, which verifies it.
 */
final class SamlPasswordLogin {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_REDIRECTS = 10;

    /** A signed SAMLResponse (base64, as posted) and the ACS URL the IdP addressed it to. */
    record SamlPost(String samlResponse, String acsUrl) {
    }

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new LoopbackCookieJar())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).build();

    SamlPost signIn(URI idpUrl, String username, String password) {
        HttpResponse<String> page = following(get(idpUrl));
        if (page.statusCode() != 200) {
            throw new IllegalStateException("The IdP answered HTTP " + page.statusCode() + " at " + idpUrl
                    + HtmlForms.errorMessage(page.body()).map(m -> ": " + m).orElse("")
                    + " (is it the IdP's SAML sign-in URL for this application?)");
        }
        HtmlForms.Form form = HtmlForms.passwordForm(page.body()).orElseThrow(() -> new IllegalStateException(
                "The IdP's page at " + page.uri() + " has no sign-in form with a password field; use --browser"
                        + " for IdPs that sign in with more than a password."));
        URI action = page.uri().resolve(form.action().isEmpty() ? page.uri().toString() : form.action());
        HttpResponse<String> answer = following(post(action, HtmlForms.filledIn(form, username, password)));
        return HtmlForms.formWith(answer.body(), "SAMLResponse")
                .map(f -> new SamlPost(f.value("SAMLResponse").orElseThrow(), answer.uri().resolve(f.action()).toString()))
                .orElseThrow(() -> refused(answer, username));
    }

    private static IllegalStateException refused(HttpResponse<String> answer, String username) {
        String message = HtmlForms.errorMessage(answer.body()).orElse(HtmlForms.passwordForm(answer.body()).isPresent()
                ? "it showed its sign-in form again" : "HTTP " + answer.statusCode() + " without a SAMLResponse");
        return new IllegalStateException("The IdP did not sign '" + username + "' in: " + message);
    }

    /** Follows redirects as a browser does (always with GET: 302 and 303 after a form post). */
    private HttpResponse<String> following(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int i = 0; i < MAX_REDIRECTS && isRedirect(current); i++) {
            int status = current.statusCode();
            String location = current.headers().firstValue("Location").orElseThrow(() ->
                    new IllegalStateException("HTTP " + status + " without Location from the IdP"));
            current = get(current.uri().resolve(location));
        }
        return current;
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build());
    }

    private HttpResponse<String> post(URI uri, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach the IdP at " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static boolean isRedirect(HttpResponse<?> r) {
        int s = r.statusCode();
        return s == 301 || s == 302 || s == 303 || s == 307 || s == 308;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
