package dev.quire.server.web;

import dev.quire.core.chat.ChatHistory;
import dev.quire.core.chat.ChatService;
import dev.quire.core.chat.MessageAccess;
import dev.quire.core.qbusiness.Applications;
import dev.quire.core.qbusiness.ResourceGuard;
import dev.quire.core.qbusiness.webexperience.WebExperiences;
import dev.quire.core.secrets.Secrets;
import dev.quire.identity.iam.IamDirectory;
import dev.quire.identity.sts.StsService;
import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The hosted web experience at {@code /web/<webExperienceId>/}, as Amazon Q Business hosts it: the
 * chat page, sign-in through the application's IdP, and the page's JSON API acting as the signed-in
 * user's STS session. It sits beside the AWS pipeline: browsers send cookies, not SigV4.
 */
public final class WebExperienceHandler {
    public static final String PREFIX = "/web/";
    private static final Logger LOG = Logger.getLogger(WebExperienceHandler.class.getName());
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9-]{1,64}");
    private static final Map<String, String> ASSETS = Map.of("app.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8");

    private final MetadataStore store;
    private final WebExperiences experiences;
    private final WebSessions sessions;
    private final WebPermissions permissions;
    private final WebLogin login;
    private final WebApi api;

    public WebExperienceHandler(MetadataStore store, WebExperiences experiences, IamDirectory iam, StsService sts,
                                Secrets secrets, ChatService chat, ChatHistory history, MessageAccess access,
                                HttpClient idpHttp, Clock clock, SecureRandom random) {
        this.store = store;
        this.experiences = experiences;
        this.sessions = new WebSessions(store, random, clock);
        this.permissions = new WebPermissions(iam);
        this.login = new WebLogin(sessions, new OidcClient(idpHttp), iam, sts, secrets, permissions);
        this.api = new WebApi(chat, history, access, permissions, login);
    }

    public static boolean handles(String rawPath) {
        return rawPath.startsWith(PREFIX);
    }

    public WireResponse handle(WireRequest request) {
        String rest = request.rawPath().substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        Optional<WebTarget> target = ID.matcher(id).matches() ? target(id) : Optional.empty();
        if (target.isEmpty()) {
            return WebHttp.text(404, "No such web experience.");
        }
        if (slash < 0) {
            return WebHttp.redirect(target.get().endpoint());
        }
        try {
            return route(target.get(), request, rest.substring(slash + 1));
        } catch (ApiError e) {
            return WebHttp.error(e.code().httpStatus(), e.code().wireCode(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "web experience request failed", e);
            return WebHttp.error(500, "InternalError", "The request failed; see the server log.");
        }
    }

    private WireResponse route(WebTarget t, WireRequest r, String route) {
        String method = r.method();
        if (route.equals("authorization-code/callback") && method.equals("GET")) {
            return login.oidcCallback(t, r);
        }
        if (route.equals("saml") && method.equals("POST")) {
            return login.saml(t, r);
        }
        if (route.equals("login") && method.equals("GET")) {
            return login.begin(t);
        }
        if (route.equals(WebLogin.SIGNED_OUT) && method.equals("GET")) {
            return asset("signed-out.html", "text/html; charset=utf-8");
        }
        if (ASSETS.containsKey(route) && method.equals("GET")) {
            return asset(route, ASSETS.get(route));
        }
        String cookie = WebHttp.cookie(r, WebLogin.SESSION_COOKIE);
        Optional<WebSessions.Session> session = sessions.find(cookie, t.id())
                .filter(s -> permissions.sameRole(s.roleArn(), s.roleId()));
        if (route.isEmpty() && method.equals("GET")) {
            return session.isPresent() ? asset("index.html", "text/html; charset=utf-8") : login.begin(t);
        }
        if (route.startsWith("api/")) {
            if (session.isEmpty()) {
                return WebHttp.error(401, "NotSignedIn", "Sign in again.");
            }
            return api.handle(t, r, route.substring(4), cookie, session.get());
        }
        return WebHttp.text(404, "Not found.");
    }

    private Optional<WebTarget> target(String webExperienceId) {
        Optional<StoredEntity> e = store.get(ResourceGuard.WEB_EXPERIENCE_KIND, webExperienceId);
        if (e.isEmpty() || !e.get().scope().startsWith("app/")) {
            return Optional.empty();
        }
        String app = e.get().scope().substring("app/".length());
        try {
            return Optional.of(new WebTarget(experiences.get(app, webExperienceId),
                    Applications.parse(new ResourceGuard(store).requireApplication(app))));
        } catch (ApiError notFound) {
            return Optional.empty();
        }
    }

    private static WireResponse asset(String name, String contentType) {
        try (InputStream in = WebExperienceHandler.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                return WebHttp.text(404, "Not found.");
            }
            return WebHttp.response(200, contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
