package dev.quire.examples;

import dev.quire.server.testkit.LoginBrowser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A user at a browser: one cookie jar (testkit's LoginBrowser), redirects followed by hand. */
final class Browser {
    final LoginBrowser http = new LoginBrowser();

    HttpResponse<String> get(String url) {
        return http.get(URI.create(url));
    }

    static boolean isRedirect(HttpResponse<?> r) {
        return r.statusCode() / 100 == 3;
    }

    static String location(HttpResponse<?> r) {
        return r.uri().resolve(r.headers().firstValue("Location").orElseThrow()).toString();
    }

    /**
     * From the app's login link through Keycloak's login form to the URL Keycloak sends the browser
     * back to (the app's callback), which is returned unvisited.
     */
    String loginAtKeycloak(String appLoginUrl, String keycloakBaseUrl, String username, String password) {
        HttpResponse<String> r = get(appLoginUrl);
        while (isRedirect(r) && !location(r).startsWith(keycloakBaseUrl)) {
            r = get(location(r)); // the app's own redirects (e.g. to its canonical host)
        }
        r = follow(r, keycloakBaseUrl);
        r = follow(http.submitLogin(r, username, password), keycloakBaseUrl);
        if (!isRedirect(r)) {
            throw new IllegalStateException("Keycloak did not send the browser back: HTTP " + r.statusCode());
        }
        return location(r);
    }

    /** Follows redirects while they stay within {@code base}. */
    HttpResponse<String> follow(HttpResponse<String> r, String base) {
        for (int i = 0; i < 10 && isRedirect(r) && location(r).startsWith(base); i++) {
            r = get(location(r));
        }
        return r;
    }

    /** The three {@code export AWS_…=…} lines of a credentials page, as a map. */
    static Map<String, String> exportedCredentials(String page) {
        return Map.of("AWS_ACCESS_KEY_ID", exported(page, "AWS_ACCESS_KEY_ID"),
                "AWS_SECRET_ACCESS_KEY", exported(page, "AWS_SECRET_ACCESS_KEY"),
                "AWS_SESSION_TOKEN", exported(page, "AWS_SESSION_TOKEN"));
    }

    private static String exported(String page, String name) {
        Matcher m = Pattern.compile("export " + name + "=(\\S+)").matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no export " + name + " line on the page");
        }
        return LoginBrowser.unescapeHtml(m.group(1));
    }

    static String withQueryParameter(String url, String name, String newValue) {
        return url.replaceAll("([?&]" + Pattern.quote(name) + "=)[^&]*", "$1" + Matcher.quoteReplacement(newValue));
    }
}
