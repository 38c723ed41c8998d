package dev.quire.server.testkit;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie jar for talking to Keycloak over plain http on loopback. Keycloak marks its login
 * cookies {@code Secure} even on http, and {@link CookieManager} then never sends them back
 * (the login fails with HTTP 400 {@code cookie_not_found}); so the attribute is dropped on the way in.
 * Test use only.
 */
final class InsecureCookieJar extends CookieManager {
    private static final Pattern SECURE_ATTRIBUTE = Pattern.compile("(?i);\\s*Secure\\s*(?=;|$)");

    InsecureCookieJar() {
        super(null, CookiePolicy.ACCEPT_ALL);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
        Map<String, List<String>> withoutSecure = new LinkedHashMap<>();
        responseHeaders.forEach((name, values) -> {
            boolean setCookie = name != null && name.toLowerCase().startsWith("set-cookie");
            withoutSecure.put(name, setCookie ? stripSecure(values) : values);
        });
        super.put(uri, withoutSecure);
    }

    private static List<String> stripSecure(List<String> values) {
        return values.stream().map(v -> SECURE_ATTRIBUTE.matcher(v).replaceAll(""))
                .collect(Collectors.toList());
    }
}
