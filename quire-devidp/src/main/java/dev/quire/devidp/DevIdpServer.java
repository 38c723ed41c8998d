package dev.quire.devidp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP server on 127.0.0.1 and its routing table (paths under {@code /realms/<realm>}).
 * Errors are rendered in one place: JSON for API endpoints, an HTML page with the banner otherwise.
 */
final class DevIdpServer {
    interface Handler {
        void handle(Exchange x) throws IOException;
    }

    private static final Set<String> JSON_PATHS = Set.of(OidcEndpoints.DISCOVERY_PATH, OidcEndpoints.JWKS_PATH,
            OidcEndpoints.TOKEN_PATH, OidcEndpoints.USERINFO_PATH);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Handler> routes = new HashMap<>();
    private String realmPath;

    /** Binds now, so the port (and therefore the issuer) is known before the routes are built. */
    DevIdpServer(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("the development IdP cannot listen on 127.0.0.1:" + port, e);
        }
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "devidp-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
    }

    int port() {
        return server.getAddress().getPort();
    }

    void start(IdpContext idp) {
        realmPath = idp.realmPath();
        LoginFlow login = new LoginFlow(idp);
        OidcEndpoints oidc = new OidcEndpoints(idp, login);
        SamlEndpoints saml = new SamlEndpoints(idp, login);
        routes.put(OidcEndpoints.DISCOVERY_PATH, oidc::discovery);
        routes.put(OidcEndpoints.JWKS_PATH, oidc::jwks);
        routes.put(OidcEndpoints.AUTHORIZE_PATH, oidc::authorize);
        routes.put(OidcEndpoints.TOKEN_PATH, new TokenEndpoint(idp)::token);
        routes.put(OidcEndpoints.USERINFO_PATH, oidc::userinfo);
        routes.put(OidcEndpoints.LOGOUT_PATH, oidc::logout);
        routes.put(LoginFlow.AUTHENTICATE_PATH, login::authenticate);
        routes.put(SamlEndpoints.METADATA_PATH, saml::metadata);
        routes.put(SamlEndpoints.SSO_PATH, saml::singleSignOn);
        routes.put(SamlEndpoints.IDP_INITIATED_PATH, saml::idpInitiated);
        routes.put("", x -> x.sendHtml(200, Html.message("Development IdP realm " + idp.realm,
                "Issuer and SAML entity id: " + idp.issuer + " \u2014 OIDC discovery at " + idp.url(OidcEndpoints.DISCOVERY_PATH)
                        + ", SAML metadata at " + idp.url(SamlEndpoints.METADATA_PATH) + "."), null));
        server.createContext("/", this::dispatch);
        server.start();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void dispatch(HttpExchange http) {
        Exchange x = new Exchange(http);
        String path = x.path();
        String sub = path.startsWith(realmPath) ? path.substring(realmPath.length()) : null;
        Handler handler = sub == null ? null : routes.get(sub);
        try {
            if (handler == null) {
                throw new HttpError(404, "not_found", "No such page at the development IdP.");
            }
            handler.handle(x);
        } catch (HttpError e) {
            renderError(x, sub, e);
        } catch (IOException | RuntimeException e) {
            DevIdpLog.warn("request to {} failed: {}", LoginFlow.printable(path), e.toString());
            renderError(x, sub, new HttpError(500, "server_error", "Internal error in the development IdP."));
        } finally {
            http.close();
        }
    }

    private static void renderError(Exchange x, String sub, HttpError e) {
        try {
            if (sub != null && JSON_PATHS.contains(sub)) {
                x.sendJson(e.status, OidcEndpoints.JSON.writeValueAsString(
                        Map.of("error", e.oauthError, "error_description", e.getMessage())));
            } else {
                x.sendHtml(e.status, Html.message("Error", e.getMessage()), null);
            }
        } catch (IOException | RuntimeException ignored) {
            // Headers were already sent or the client left: nothing more can be said to it.
        }
    }
}
