package dev.quire.identity.oidc;

import java.net.URI;
import java.util.Locale;

/**
 * Which URLs Quire may fetch OIDC discovery documents and key sets from. AWS accepts only https;
 * Quire also accepts plain http on loopback (Keycloak in tests and the demo), and elsewhere only when
 * an operator explicitly allows it. Hosts are judged by their literal form: no DNS lookup is made, so a
 * name that merely resolves to 127.0.0.1 is not treated as loopback.
 */
public final class IssuerPolicy {

    private static final IssuerPolicy LOOPBACK_HTTP_ONLY = new IssuerPolicy(false);
    private static final IssuerPolicy INSECURE_HTTP = new IssuerPolicy(true);

    private final boolean insecureHttpAllowed;

    private IssuerPolicy(boolean insecureHttpAllowed) {
        this.insecureHttpAllowed = insecureHttpAllowed;
    }

    /** The default: https anywhere, http on loopback hosts only. */
    public static IssuerPolicy loopbackHttpOnly() {
        return LOOPBACK_HTTP_ONLY;
    }

    /** With {@code true}, http is accepted for any host (an explicit, logged operator choice). */
    public static IssuerPolicy allowInsecureHttp(boolean allow) {
        return allow ? INSECURE_HTTP : LOOPBACK_HTTP_ONLY;
    }

    public boolean insecureHttpAllowed() {
        return insecureHttpAllowed;
    }

    /** True when Quire may fetch from {@code uri}: absolute, with a host, no user info, https or allowed http. */
    public boolean permits(URI uri) {
        if (uri == null || !uri.isAbsolute() || uri.isOpaque()) {
            return false;
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty() || uri.getRawUserInfo() != null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return true;
        }
        return scheme.equals("http") && (insecureHttpAllowed || isLoopbackHost(host));
    }

    /** {@code localhost}, an IPv4 literal in 127.0.0.0/8, or the IPv6 literal ::1 (as URI.getHost returns it). */
    public static boolean isLoopbackHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (h.equals("[::1]") || h.equals("[0:0:0:0:0:0:0:1]")) {
            return true;
        }
        return isIpv4LiteralIn127(h);
    }

    private static boolean isIpv4LiteralIn127(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return Integer.parseInt(parts[0]) == 127;
    }

    @Override
    public String toString() {
        return insecureHttpAllowed ? "IssuerPolicy[http allowed everywhere]" : "IssuerPolicy[http on loopback only]";
    }
}
