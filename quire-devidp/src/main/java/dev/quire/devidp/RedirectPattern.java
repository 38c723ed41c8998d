package dev.quire.devidp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A redirect-URI (or ACS-URL) allow-list entry. Either an exact absolute URI, or one whose path
 * ends in {@code /*}: then any path under that prefix, with any query, matches. The wildcard is only
 * allowed after a slash so that a pattern can never widen the host ({@code http://127.0.0.1*} would
 * otherwise match {@code http://127.0.0.1.evil.example}). A loopback host written without a port
 * matches every port of that same host, like Keycloak's {@code http://127.0.0.1/*}: native and CLI
 * clients listen on ephemeral ports (RFC 8252 §7.3).
 */
final class RedirectPattern {
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

    private final URI uri;
    private final boolean prefix;
    private final String pathPrefix;

    private RedirectPattern(URI uri, boolean prefix, String pathPrefix) {
        this.uri = uri;
        this.prefix = prefix;
        this.pathPrefix = pathPrefix;
    }

    static RedirectPattern parse(String pattern) {
        boolean prefix = pattern.endsWith("/*");
        String text = prefix ? pattern.substring(0, pattern.length() - 1) : pattern;
        if (text.contains("*")) {
            throw new IllegalArgumentException("a wildcard is only allowed as a final '/*': " + pattern);
        }
        URI uri = strictUri(text);
        if (uri == null) {
            throw new IllegalArgumentException("not an absolute http(s) URI without user info or fragment: " + pattern);
        }
        return new RedirectPattern(uri, prefix, pathOf(uri));
    }

    static boolean anyMatches(List<String> patterns, String candidate) {
        URI uri = candidate == null ? null : strictUri(candidate);
        return uri != null && patterns.stream().anyMatch(p -> parse(p).matches(uri));
    }

    private boolean matches(URI candidate) {
        if (!uri.getScheme().equalsIgnoreCase(candidate.getScheme())
                || !uri.getHost().equalsIgnoreCase(candidate.getHost())) {
            return false;
        }
        boolean anyPort = uri.getPort() == -1 && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!anyPort && effectivePort(uri) != effectivePort(candidate)) {
            return false;
        }
        String path = pathOf(candidate);
        if (prefix) {
            return path.startsWith(pathPrefix);
        }
        return path.equals(pathPrefix) && Objects.equals(uri.getRawQuery(), candidate.getRawQuery());
    }

    private static String pathOf(URI u) {
        return u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    }

    private static int effectivePort(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /**
     * Parses an absolute http(s) URI and refuses what could fool a comparison: user info, a
     * fragment, a missing host, and dot segments ({@code /cb/../admin}) that a browser would fold.
     */
    private static URI strictUri(String text) {
        try {
            URI u = new URI(text);
            String scheme = u.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || u.getHost() == null || u.getRawUserInfo() != null || u.getRawFragment() != null) {
                return null;
            }
            String path = pathOf(u);
            if (path.contains("/./") || path.contains("/../") || path.endsWith("/.") || path.endsWith("/..")
                    || path.contains("\\") || path.toLowerCase(Locale.ROOT).contains("%2e")) {
                return null;
            }
            return u;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
