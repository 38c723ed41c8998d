package dev.quire.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlResponse;

/**
 * samlapp.py in Java: sends the user to the IdP with an AuthnRequest, receives the signed
 * SAMLResponse at {@code POST /saml}, shows it, and exchanges it for temporary credentials with
 * AssumeRoleWithSAML (STS verifies the signature). Unlike the seed it accepts only answers to a
 * request it sent: RelayState names a pending login, taken once, and the Response's InResponseTo
 * must be that login's request id. Environment: samlapp-env.sh, and PORT (default 8000).
 */
public final class SamlApp implements AutoCloseable {
    /** The variables of samlapp-env.sh. */
    public record Config(String idpSsoUrl, String idpIssuer, String customAcsUrl, String webExperienceRoleArn,
                         String iamIdentityProviderArn) {
        public static Config fromEnv(Env env) {
            return new Config(env.required("IDP_SSO_URL"), env.required("IDP_ISSUER"), env.required("CUSTOM_ACS_URL"),
                    env.required("WEB_EXPERIENCE_ROLE_ARN"), env.required("IAM_IDENTITY_PROVIDER_ARN"));
        }
    }

    private final Config config;
    private final StsClient sts;
    private final PendingLogins<String> pendingRequestIds = new PendingLogins<>(Clock.systemUTC());
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    private SamlApp(Config config, StsClient sts, int port) throws IOException {
        this.config = config;
        this.sts = sts;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::route);
        server.setExecutor(executor);
        server.start();
    }

    /** Serves on loopback {@code port} (0: any free port). */
    public static SamlApp start(Config config, StsClient sts, int port) throws IOException {
        return new SamlApp(config, sts, port);
    }

    public static void main(String[] args) {
        ProgramExit.run(() -> {
            Env env = Env.system();
            Config config = Config.fromEnv(env);
            SamlApp app = start(config, Clients.anonymousSts(env.region()), Integer.parseInt(env.optional("PORT", "8000")));
            System.out.println("SamlApp listening on http://localhost:" + app.port() + "/ (Ctrl-C to stop)");
        });
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void route(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals("/")) {
                Web.html(exchange, 200, "<h1>Get AWS IAM Federation credentials</h1>"
                        + "<a href=\"/login/saml\">Login with SAML</a>");
            } else if (method.equals("GET") && path.equals("/login/saml")) {
                login(exchange);
            } else if (method.equals("POST") && path.equals("/saml")) {
                assertion(exchange);
            } else {
                Web.error(exchange, 404, "Not found", path);
            }
        } catch (RuntimeException e) {
            Web.error(exchange, 500, "Error", String.valueOf(e.getMessage()));
        }
    }

    private void login(HttpExchange exchange) throws IOException {
        String requestId = SamlRequests.newRequestId();
        String request = SamlRequests.authnRequest(requestId, config.idpIssuer(), config.idpSsoUrl(), config.customAcsUrl());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("SAMLRequest", SamlRequests.redirectEncode(request));
        params.put("RelayState", pendingRequestIds.put(requestId));
        String separator = config.idpSsoUrl().contains("?") ? "&" : "?";
        Web.redirect(exchange, config.idpSsoUrl() + separator + Web.formEncode(params));
    }

    private void assertion(HttpExchange exchange) throws IOException {
        Map<String, String> form = Web.formBody(exchange);
        String samlResponse = form.get("SAMLResponse");
        if (samlResponse == null || samlResponse.isEmpty()) {
            Web.error(exchange, 400, "No SAML response received", "The POST carried no SAMLResponse.");
            return;
        }
        Optional<String> requestId = pendingRequestIds.take(form.get("RelayState"));
        if (requestId.isEmpty()) {
            Web.error(exchange, 400, "Unknown RelayState",
                    "This response does not answer a login started here (or it was used already). Start again from /login/saml.");
            return;
        }
        String decoded;
        try {
            decoded = new String(Base64.getMimeDecoder().decode(samlResponse), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            Web.error(exchange, 400, "Invalid SAMLResponse", "The SAMLResponse is not base64.");
            return;
        }
        if (!SamlRequests.inResponseTo(decoded).equals(requestId)) {
            Web.error(exchange, 400, "Unsolicited SAML response", "InResponseTo does not match the request sent.");
            return;
        }
        StringBuilder page = new StringBuilder("<h2>Received SAML Assertion:</h2><pre>")
                .append(Web.escape(decoded)).append("</pre>");
        try {
            AssumeRoleWithSamlResponse response = sts.assumeRoleWithSAML(r -> r.roleArn(config.webExperienceRoleArn())
                    .principalArn(config.iamIdentityProviderArn()).samlAssertion(samlResponse).durationSeconds(3600));
            page.append(Web.credentialsSection("AWS AssumeRoleWithSAML Response:", response.credentials(),
                    response.assumedRoleUser().arn()));
        } catch (SdkException e) {
            page.append("<h2>Error calling AWS API:</h2><pre>").append(Web.escape(e.getMessage())).append("</pre>");
        }
        page.append("<a href=\"/\">Logout</a>"); // the app keeps no session; this starts over
        Web.html(exchange, 200, page.toString());
    }
}
