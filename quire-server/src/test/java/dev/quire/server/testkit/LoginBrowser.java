package dev.quire.server.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: one cookie jar, no automatic redirects, and just enough HTML
 * reading to fill in Keycloak's login form and pick hidden inputs out of auto-submitting forms.
 * Use one instance per simulated user session.
 */
public final class LoginBrowser {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern LOGIN_FORM_TAG =
            Pattern.compile("<form\\b[^>]*\\bid=\"kc-form-login\"[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION_ATTRIBUTE =
            Pattern.compile("\\baction=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT_TAG = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    // the error page, and the field error under the login form ("Invalid username or password.")
    private static final Pattern PAGE_MESSAGE = Pattern.compile(
            "id=\"kc-error-message\"[^>]*>\\s*<p[^>]*>([^<]+)"
                    + "|class=\"[^\"]*\\bkc-feedback-text\\b[^\"]*\"[^>]*>([^<]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]+);");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new InsecureCookieJar())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();

    /** GET without following redirects. */
    public HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build());
    }

    /** GET, then follow up to {@code maxRedirects} redirects (relative Locations resolved). */
    public HttpResponse<String> getFollowing(URI uri, int maxRedirects) {
        HttpResponse<String> response = get(uri);
        for (int i = 0; i < maxRedirects && isRedirect(response); i++) {
            response = get(response.uri().resolve(location(response)));
        }
        return response;
    }

    /** POST {@code application/x-www-form-urlencoded} without following redirects. */
    public HttpResponse<String> postForm(URI uri, Map<String, String> fields) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(fields)))
                .build();
        return send(request);
    }

    /** Fills in {@code form#kc-form-login} of {@code loginPage} and posts it (no redirects followed). */
    public HttpResponse<String> submitLogin(HttpResponse<String> loginPage, String username, String password) {
        if (loginPage.statusCode() != 200) {
            throw new IllegalStateException("expected the Keycloak login page, got HTTP "
                    + loginPage.statusCode() + ": " + describe(loginPage.body()));
        }
        String action = loginFormAction(loginPage.body()).orElseThrow(() -> new IllegalStateException(
                "no form#kc-form-login on the page: " + describe(loginPage.body())));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("password", password);
        fields.put("credentialId", "");
        return postForm(loginPage.uri().resolve(action), fields);
    }

    /** The unescaped {@code action} of Keycloak's login form, if the page has one. */
    public static Optional<String> loginFormAction(String html) {
        Matcher form = LOGIN_FORM_TAG.matcher(html);
        if (!form.find()) {
            return Optional.empty();
        }
        Matcher action = ACTION_ATTRIBUTE.matcher(form.group());
        return action.find() ? Optional.of(unescapeHtml(action.group(1))) : Optional.empty();
    }

    /** The unescaped value of the first {@code <input name="...">} with that name (case-insensitive). */
    public static Optional<String> inputValue(String html, String name) {
        Pattern nameAttr = Pattern.compile("\\bname=\"" + Pattern.quote(name) + "\"", Pattern.CASE_INSENSITIVE);
        Pattern valueAttr = Pattern.compile("\\bvalue=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
        Matcher input = INPUT_TAG.matcher(html);
        while (input.find()) {
            if (nameAttr.matcher(input.group()).find()) {
                Matcher value = valueAttr.matcher(input.group());
                return Optional.of(value.find() ? unescapeHtml(value.group(1)) : "");
            }
        }
        return Optional.empty();
    }

    /** The unescaped {@code action} of the first form on the page (auto-submitting SAML forms have one). */
    public static Optional<String> firstFormAction(String html) {
        Matcher form = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE).matcher(html);
        if (!form.find()) {
            return Optional.empty();
        }
        Matcher action = ACTION_ATTRIBUTE.matcher(form.group());
        return action.find() ? Optional.of(unescapeHtml(action.group(1))) : Optional.empty();
    }

    /** The message Keycloak shows to the user (error page or login-form error), if any. */
    public static Optional<String> pageMessage(String html) {
        Matcher message = PAGE_MESSAGE.matcher(html == null ? "" : html);
        while (message.find()) {
            String text = message.group(1) != null ? message.group(1) : message.group(2);
            if (text != null && !text.isBlank()) {
                return Optional.of(unescapeHtml(text.strip()));
            }
        }
        return Optional.empty();
    }

    /** Keycloak's message if the page has one, else the start of the page. */
    static String describe(String html) {
        return pageMessage(html).map(m -> "Keycloak says \"" + m + "\"").orElseGet(() -> abbreviate(html));
    }

    /** Decodes the entities Keycloak's templates emit inside attribute values. */
    public static String unescapeHtml(String text) {
        Matcher numeric = NUMERIC_ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (numeric.find()) {
            int codePoint = Integer.parseInt(numeric.group(2), numeric.group(1).isEmpty() ? 10 : 16);
            numeric.appendReplacement(decoded, Matcher.quoteReplacement(Character.toString(codePoint)));
        }
        numeric.appendTail(decoded);
        return decoded.toString().replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    static boolean isRedirect(HttpResponse<?> response) {
        int status = response.statusCode();
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() ->
                new IllegalStateException("HTTP " + response.statusCode() + " without Location"));
    }

    static String formEncode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The decoded query parameters of {@code uri} (last one wins). */
    static Map<String, String> queryParameters(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() <= 600 ? flat : flat.substring(0, 600) + "…";
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.uri(), e);
        }
    }
}
