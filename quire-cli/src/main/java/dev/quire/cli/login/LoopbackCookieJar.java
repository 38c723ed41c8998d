package dev.quire.cli.login;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The cookie jar of one sign-in at an IdP. Keycloak marks its login cookies {@code Secure} even on
 * plain http, and {@link CookieManager} then never sends them back, so a development IdP on
 * loopback could not sign anyone in. Only for {@code http://} on a loopback address is the attribute
 * dropped; anywhere else cookies are kept exactly as the IdP set them.
 */
final class LoopbackCookieJar extends CookieManager {
    private static final Pattern SECURE_ATTRIBUTE = Pattern.compile("(?i);\\s*Secure\\s*(?=;|$)");

    LoopbackCookieJar() {
        super(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
        if (!plainHttpOnLoopback(uri)) {
            super.put(uri, responseHeaders);
            return;
        }
        Map<String, List<String>> relaxed = new LinkedHashMap<>();
        responseHeaders.forEach((name, values) -> {
            boolean setCookie = name != null && name.toLowerCase().startsWith("set-cookie");
            relaxed.put(name, setCookie
                    ? values.stream().map(v -> SECURE_ATTRIBUTE.matcher(v).replaceAll("")).toList() : values);
        });
        super.put(uri, relaxed);
    }

    static boolean plainHttpOnLoopback(URI uri) {
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            return false;
        }
        try {
            return InetAddress.getByName(uri.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
