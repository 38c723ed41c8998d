package dev.quire.server.web;

import static dev.quire.server.web.WebSamlSignInTest.PROVIDER;
import static dev.quire.server.web.WebSamlSignInTest.PROVIDER_ARN;
import static dev.quire.server.web.WebSamlSignInTest.ROLE;
import static dev.quire.server.web.WebSamlSignInTest.ROLE_ARN;
import static dev.quire.server.web.WebSamlSignInTest.SP;
import static dev.quire.server.web.WebSamlSignInTest.sessionCookie;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.devidp.DevIdp;
import dev.quire.server.support.RunningQuire;
import dev.quire.server.testkit.LoginBrowser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;

/**
 * SP-initiated SAML sign-in to a web experience against the development IdP: a response that names
 * an AuthnRequest (InResponseTo) signs in only the browser that was sent with that request, once.
 * Each refusal has a control beside it that the same browser state is otherwise accepted, so the
 * test fails if the check it is about is removed. IdP-initiated responses still sign in as before.
 */
class WebSamlInResponseToTest {
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    static Path dataDir;
    static RunningQuire quire;
    static DevIdp idp;
    static String endpoint;
    static String acs;

    @BeforeAll
    static void start() throws Exception {
        quire = RunningQuire.h2(dataDir);
        idp = DevIdp.builder().user("mary", "mary-password", "mary.major@example.com", "Mary Major", "core-team")
                .samlServiceProvider(SP, ROLE_ARN + "," + PROVIDER_ARN, "http://127.0.0.1/*").build().start();
        try (IamClient iam = quire.iam(quire.rootCredentials());
             QBusinessClient qb = quire.qbusiness(quire.rootCredentials())) {
            iam.createSAMLProvider(r -> r.name(PROVIDER).samlMetadataDocument(idp.samlMetadataXml()));
            iam.createRole(r -> r.roleName(ROLE).assumeRolePolicyDocument(
                    WebSamlSignInTest.trustPolicy("http://placeholder.invalid/saml")));
            String app = qb.createApplication(r -> r.displayName("acme-saml").identityType("AWS_IAM_IDP_SAML")
                    .iamIdentityProviderArn(PROVIDER_ARN)).applicationId();
            // The IdP's SingleSignOnService as authenticationUrl: Quire sends an AuthnRequest there.
            String webExperienceId = qb.createWebExperience(r -> r.applicationId(app).title("ACME Assistant")
                    .roleArn(ROLE_ARN).identityProviderConfiguration(i -> i.samlConfiguration(s -> s
                            .authenticationUrl(idp.samlSsoUrl())))).webExperienceId();
            endpoint = qb.getWebExperience(r -> r.applicationId(app).webExperienceId(webExperienceId))
                    .defaultEndpoint();
            acs = endpoint + "saml";
            iam.updateAssumeRolePolicy(r -> r.roleName(ROLE).policyDocument(WebSamlSignInTest.trustPolicy(acs)));
        }
    }

    @AfterAll
    static void stop() {
        if (idp != null) {
            idp.close();
        }
        if (quire != null) {
            quire.close();
        }
    }

    @Test
    void theIdpsAnswerSignsInTheBrowserThatStartedOnceAndItsCookieIsScopedToTheAcs() throws Exception {
        LoginBrowser browser = new LoginBrowser();
        HttpResponse<String> begin = browser.get(URI.create(endpoint));
        SpInitiatedStart started = SpInitiatedStart.of(begin, idp.samlSsoUrl());
        assertThat(started.setCookie()).contains("HttpOnly", "SameSite=Lax", "Max-Age=600",
                "Path=" + URI.create(acs).getRawPath() + ";").doesNotContain("Secure");

        HttpResponse<String> loginPage = browser.getFollowing(URI.create(started.idpUrl()), 3);
        String html = loginPage.body();
        HttpResponse<String> autoPost = browser.postForm(loginPage.uri().resolve(LoginBrowser.firstFormAction(html)
                .orElseThrow()), Map.of("tx", LoginBrowser.inputValue(html, "tx").orElseThrow(),
                "csrf", LoginBrowser.inputValue(html, "csrf").orElseThrow(), "action", "login",
                "username", "mary", "password", "mary-password"));
        assertThat(LoginBrowser.firstFormAction(autoPost.body())).contains(acs);
        String response = LoginBrowser.inputValue(autoPost.body(), "SAMLResponse").orElseThrow();

        // What a browser sends to the ACS path. (Not through LoginBrowser's java.net cookie jar: it
        // reads Max-Age as an RFC 2965 cookie and sends the value back in quotes.)
        HttpResponse<String> signedIn = postSaml(response, started.cookie());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(sessionCookie(signedIn)).isNotEmpty();
        assertThat(signedIn.headers().allValues("set-cookie"))
                .anySatisfy(c -> assertThat(c).startsWith(WebLogin.SAML_REQUEST_COOKIE + "=;").contains("Max-Age=0"));

        // A second answer to the same request (a fresh assertion, so not a replay) with the same binding.
        String again = idp.samlResponseFor("mary", SP, acs, started.requestId());
        HttpResponse<String> secondUse = postSaml(again, started.cookie());
        assertRefused(secondUse, "not started in this browser");
    }

    @Test
    void aResponseToAnotherBrowsersRequestIsRefusedAndThatBrowserCanStillSignIn() throws Exception {
        SpInitiatedStart mine = begin();
        SpInitiatedStart theirs = begin();
        assertRefused(postSaml(answerTo(theirs), mine.cookie()), "answers another sign-in request");
        assertSignedIn(postSaml(answerTo(theirs), theirs.cookie()));
    }

    @Test
    void aResponseNamingARequestWithoutTheBindingCookieIsRefused() throws Exception {
        SpInitiatedStart started = begin();
        assertRefused(postSaml(answerTo(started), null), "not started in this browser");
        assertSignedIn(postSaml(answerTo(started), started.cookie())); // control: the binding was untouched
    }

    @Test
    void aTamperedBindingCookieIsRefused() throws Exception {
        SpInitiatedStart started = begin();
        String cookie = started.cookie();
        String tampered = cookie.substring(0, 42) + (cookie.charAt(42) == 'A' ? 'B' : 'A');
        assertRefused(postSaml(answerTo(started), tampered), "not started in this browser");
        assertSignedIn(postSaml(answerTo(started), cookie)); // control
    }

    @Test
    void anIdpInitiatedResponseStillSignsInWithoutAnyCookie() throws Exception {
        assertSignedIn(postSaml(idp.samlResponseFor("mary", SP, acs), null));
    }

    /**
     * An IdP may sign only the assertion; then whoever carries the response can edit the Response's
     * InResponseTo. Both levels must name the same request, and it must be this browser's.
     */
    @Test
    void aResponseWhoseResponseAndAssertionNameDifferentRequestsIsRefused() throws Exception {
        SpInitiatedStart control = begin();
        assertSignedIn(postSaml(SamlResponseEdits.withUnsignedResponseInResponseTo(answerTo(control),
                control.requestId()), control.cookie()));

        SpInitiatedStart started = begin();
        String edited = SamlResponseEdits.withUnsignedResponseInResponseTo(answerTo(started), "_another-request");
        assertRefused(postSaml(edited, started.cookie()), "answer different requests");
    }

    private static SpInitiatedStart begin() throws Exception {
        return SpInitiatedStart.of(HTTP.send(HttpRequest.newBuilder(URI.create(endpoint)).GET().build(),
                HttpResponse.BodyHandlers.ofString()), idp.samlSsoUrl());
    }

    /** What the IdP posts after the user signs in for this request. */
    private static String answerTo(SpInitiatedStart started) {
        return idp.samlResponseFor("mary", SP, acs, started.requestId());
    }

    private static void assertSignedIn(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        assertThat(r.headers().firstValue("location")).contains(endpoint);
        assertThat(sessionCookie(r)).isNotEmpty();
    }

    private static void assertRefused(HttpResponse<String> r, String reason) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).startsWith("Sign-in failed:").contains(reason);
        assertThat(sessionCookie(r)).isEmpty();
    }

    static HttpResponse<String> postSaml(String samlResponse, String bindingCookie) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(acs))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("SAMLResponse="
                        + URLEncoder.encode(samlResponse, StandardCharsets.UTF_8)));
        if (bindingCookie != null) {
            r.header("Cookie", WebLogin.SAML_REQUEST_COOKIE + "=" + bindingCookie);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }
}
