package dev.quire.identity.iam;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A validated OIDC provider URL. https:// is required, except that http:// is allowed for a
 * loopback host (a local test IdP): 127.0.0.0/8 as a dotted literal, localhost or [::1]. The host
 * is judged by its text only; nothing is resolved, so a name cannot smuggle in a remote address.
 *
 * @param url      scheme://host[:port]/path without a trailing slash
 * @param resource host[:port]/path, the ARN's resource part and the record id
 */
record OidcUrl(String url, String resource) {
    private static final Pattern LOOPBACK_V4 =
            Pattern.compile("127\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){2}");

    static OidcUrl parse(String raw) {
        if (raw.length() > 255) {
            throw IamInput.invalid("The URL must be at most 255 characters long.");
        }
        String scheme;
        if (raw.startsWith("https://")) {
            scheme = "https";
        } else if (raw.startsWith("http://")) {
            scheme = "http";
        } else {
            throw IamInput.invalid("The URL must begin with https://.");
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw IamInput.invalid("The URL is not valid.");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawAuthority() == null) {
            throw IamInput.invalid("The URL must have a host and no user info, query or fragment.");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw IamInput.invalid("The URL must begin with https:// (http:// is accepted only for a loopback host).");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String resource = uri.getRawAuthority() + path;
        if (resource.endsWith("/")) {
            resource = resource.substring(0, resource.length() - 1);
        }
        return new OidcUrl(scheme + "://" + resource, resource);
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || LOOPBACK_V4.matcher(h).matches();
    }
}
