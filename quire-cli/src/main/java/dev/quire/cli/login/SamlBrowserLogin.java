package dev.quire.cli.login;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Browser sign-in, as the seed's samlapp.py does it: a listener on the ACS URL the IdP is configured
 * to post to (by default {@code http://localhost:8000/saml}) receives the browser's POST of the
 * SAMLResponse. The user signs in at the IdP in their own browser, with whatever the IdP asks for.
 * Only loopback addresses are listened on: the response is a bearer credential. The sign-in URL
 * carries a random RelayState (IdP-initiated URLs of Keycloak, Okta and the development IdP pass it
 * back), and only a POST bringing it back is taken: any web page could post to localhost, and a
 * response it planted would sign the command in as someone else.
 */
final class SamlBrowserLogin {
    private final URI acsUrl;
    private final URI idpUrl;
    private final Duration timeout;
    private final PrintStream tell;

    /** {@code tell} gets the instructions (stderr, so stdout stays only export lines). */
    SamlBrowserLogin(URI acsUrl, URI idpUrl, Duration timeout, PrintStream tell) {
        this.acsUrl = acsUrl;
        this.idpUrl = idpUrl;
        this.timeout = timeout;
        this.tell = tell;
    }

    SamlPasswordLogin.SamlPost awaitPost() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String relayState = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String startUrl = idpUrl + (idpUrl.getRawQuery() == null ? "?" : "&") + "RelayState=" + relayState;
        InetAddress host = loopback(acsUrl);
        int port = acsUrl.getPort() > 0 ? acsUrl.getPort() : 80;
        String path = acsUrl.getRawPath() == null || acsUrl.getRawPath().isEmpty() ? "/" : acsUrl.getRawPath();
        CompletableFuture<String> received = new CompletableFuture<>();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen on " + acsUrl + " (" + e.getMessage()
                    + "); is another sign-in or the sample app running? Choose another with --acs-url.", e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                if (exchange.getRequestURI().getRawPath().equals(path) && "POST".equals(exchange.getRequestMethod())) {
                    acs(exchange, relayState, received);
                } else if ("GET".equals(exchange.getRequestMethod()) && exchange.getRequestURI().getRawPath().equals("/")) {
                    // like samlapp.py: opening http://localhost:8000/ starts the sign-in
                    exchange.getResponseHeaders().set("Location", startUrl);
                    exchange.sendResponseHeaders(302, -1);
                } else {
                    page(exchange, 404, "Not found.");
                }
            }
        });
        server.start();
        try {
            tell.println("Open this address in your browser and sign in at your identity provider:");
            tell.println("  " + startUrl);
            tell.println("Waiting up to " + timeout.toSeconds() + " s for its response at " + acsUrl + " …");
            return new SamlPasswordLogin.SamlPost(received.get(timeout.toMillis(), TimeUnit.MILLISECONDS), acsUrl.toString());
        } catch (TimeoutException e) {
            throw new IllegalStateException("No SAML response arrived at " + acsUrl + " within " + timeout.toSeconds()
                    + " s: is the IdP's ACS URL for this application " + acsUrl + "?");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            server.stop(0);
        }
    }

    private static void acs(HttpExchange exchange, String relayState, CompletableFuture<String> received)
            throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(1 << 20);
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.putIfAbsent(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String response = form.get("SAMLResponse");
        if (response == null || response.isBlank()) {
            page(exchange, 400, "This POST carries no SAMLResponse.");
            return;
        }
        String echoed = form.get("RelayState");
        if (echoed == null || !MessageDigest.isEqual(echoed.getBytes(StandardCharsets.UTF_8),
                relayState.getBytes(StandardCharsets.UTF_8))) {
            page(exchange, 400, "This response does not belong to the sign-in this command started"
                    + " (its RelayState is missing or different). Use the address the command printed.");
            return;
        }
        page(exchange, 200, "Signed in. You can close this tab and go back to the terminal.");
        received.complete(response);
    }

    private static void page(HttpExchange exchange, int status, String text) throws IOException {
        byte[] html = ("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>quire login</title><p>"
                + text + "</p></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, html.length);
        exchange.getResponseBody().write(html);
    }

    private static InetAddress loopback(URI acs) {
        if (!"http".equalsIgnoreCase(acs.getScheme()) || acs.getHost() == null) {
            throw new IllegalArgumentException("--acs-url must be an http:// URL on this machine, e.g. http://localhost:8000/saml");
        }
        try {
            InetAddress address = InetAddress.getByName(acs.getHost());
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("--acs-url must name this machine (localhost or 127.0.0.1): "
                        + "the IdP's response is a bearer credential and must not be served to the network.");
            }
            return address;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("Unknown host in --acs-url: " + acs.getHost(), e);
        }
    }
}
