package dev.quire.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.devidp.DevIdp;
import dev.quire.server.support.RunningQuire;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;

/**
 * SAML sign-in to the hosted web experience at the HTTP level, against the development IdP: the
 * redirect to the authenticationUrl, the IdP's POST to {@code <endpoint>saml} ending in a session
 * cookie, and refusal of a replayed response and of one addressed to another ACS URL.
 */
class WebSamlSignInTest {
    static final String SP = "urn:amazon:webservices";
    static final String PROVIDER = "quire-devidp";
    static final String PROVIDER_ARN = "arn:aws:iam::123456789012:saml-provider/" + PROVIDER;
    static final String ROLE = "quire-web-saml-role";
    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/" + ROLE;
    /** The seed's custom application (samlapp.py) receives assertions here; its role trusts this too. */
    static final String CUSTOM_APP_ACS = "http://localhost:8000/saml";
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    static Path dataDir;
    static RunningQuire quire;
    static DevIdp idp;
    static String endpoint;
    static String authenticationUrl;

    @BeforeAll
    static void start() throws Exception {
        quire = RunningQuire.h2(dataDir);
        idp = DevIdp.builder().user("mary", "mary-password", "mary.major@example.com", "Mary Major", "core-team")
                .samlServiceProvider(SP, ROLE_ARN + "," + PROVIDER_ARN, "http://127.0.0.1/*", CUSTOM_APP_ACS).build().start();
        try (IamClient iam = quire.iam(quire.rootCredentials());
             QBusinessClient qb = quire.qbusiness(quire.rootCredentials())) {
            String providerArn = iam.createSAMLProvider(r -> r.name(PROVIDER)
                    .samlMetadataDocument(idp.samlMetadataXml())).samlProviderArn();
            assertThat(providerArn).isEqualTo(PROVIDER_ARN);
            iam.createRole(r -> r.roleName(ROLE).assumeRolePolicyDocument(trustPolicy("http://placeholder.invalid/saml")));
            String app = qb.createApplication(r -> r.displayName("acme-saml").identityType("AWS_IAM_IDP_SAML")
                    .iamIdentityProviderArn(providerArn)).applicationId();
            iam.putRolePolicy(r -> r.roleName(ROLE).policyName("web-experience").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                     "Action":["qbusiness:ChatSync","qbusiness:ListConversations","qbusiness:ListMessages"],
                     "Resource":"arn:aws:qbusiness:us-east-1:123456789012:application/%s"}]}""".formatted(app)));
            String index = qb.createIndex(r -> r.applicationId(app).displayName("acme-index")).indexId();
            qb.createRetriever(r -> r.applicationId(app).displayName("native").type("NATIVE_INDEX")
                    .configuration(c -> c.nativeIndexConfiguration(n -> n.indexId(index))));
            String webExperienceId = qb.createWebExperience(r -> r.applicationId(app).title("ACME Assistant")
                    .roleArn(ROLE_ARN).identityProviderConfiguration(i -> i.samlConfiguration(s -> s
                            .authenticationUrl(idp.samlIdpInitiatedUrl(SP, "http://placeholder.invalid/saml")))))
                    .webExperienceId();
            endpoint = qb.getWebExperience(r -> r.applicationId(app).webExperienceId(webExperienceId))
                    .defaultEndpoint();
            authenticationUrl = idp.samlIdpInitiatedUrl(SP, endpoint + "saml");
            qb.updateWebExperience(r -> r.applicationId(app).webExperienceId(webExperienceId)
                    .identityProviderConfiguration(i -> i.samlConfiguration(s -> s.authenticationUrl(authenticationUrl))));
            iam.updateAssumeRolePolicy(r -> r.roleName(ROLE).policyDocument(trustPolicy(endpoint + "saml")));
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

    /** Like the seed's: the role serves the web experience and the custom app, so both ACS URLs are trusted. */
    static String trustPolicy(String webExperienceAcs) {
        return """
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Principal":{"Federated":"%1$s"},"Action":["sts:AssumeRoleWithSAML","sts:TagSession"],
                  "Condition":{"StringEquals":{"SAML:aud":["%2$s","%3$s"]}}}
                ]}""".formatted(PROVIDER_ARN, webExperienceAcs, CUSTOM_APP_ACS);
    }

    @Test
    void marySignsInThroughTheDevIdpAndAReplayOrAnotherAcsIsRefused() throws Exception {
        HttpResponse<String> begin = get("", null);
        assertThat(begin.statusCode()).isEqualTo(302);
        assertThat(begin.headers().firstValue("location")).contains(authenticationUrl);

        String response = idp.samlResponseFor("mary", SP, endpoint + "saml");
        HttpResponse<String> signIn = postSaml("saml", response);
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("location")).contains(endpoint);
        String cookie = sessionCookie(signIn);
        assertThat(cookie).isNotEmpty();

        HttpResponse<String> config = get("api/config", cookie);
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("mary.major@example.com").contains("ACME Assistant");
        assertThat(get("", cookie).statusCode()).isEqualTo(200);

        HttpResponse<String> replay = postSaml("saml", response);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(400);
        assertThat(replay.body()).contains("InvalidIdentityToken");
        assertThat(sessionCookie(replay)).isEmpty();

        String otherAcs = idp.samlResponseFor("mary", SP, endpoint + "other/saml");
        HttpResponse<String> misaddressed = postSaml("saml", otherAcs);
        assertThat(misaddressed.statusCode()).as(misaddressed.body()).isEqualTo(403);
        assertThat(misaddressed.body()).contains("AccessDenied");
        assertThat(sessionCookie(misaddressed)).isEmpty();

        assertThat(get("api/config", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aResponseAddressedToAnotherAppIsRefusedEvenWhenTheRoleTrustsIt() throws Exception {
        // STS alone would accept it (the trust policy allows this SAML:aud); the web experience's ACS must not.
        String forCustomApp = idp.samlResponseFor("mary", SP, CUSTOM_APP_ACS);
        HttpResponse<String> signIn = postSaml("saml", forCustomApp);
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(403);
        assertThat(signIn.body()).contains("addressed to " + CUSTOM_APP_ACS);
        assertThat(sessionCookie(signIn)).isEmpty();
    }

    static String sessionCookie(HttpResponse<?> r) {
        List<String> cookies = r.headers().allValues("set-cookie");
        return cookies.stream().filter(c -> c.startsWith(WebLogin.SESSION_COOKIE + "="))
                .map(c -> c.substring(WebLogin.SESSION_COOKIE.length() + 1).split(";", 2)[0])
                .filter(v -> !v.isEmpty()).findFirst().orElse("");
    }

    static HttpResponse<String> postSaml(String path, String samlResponse) throws Exception {
        String form = "SAMLResponse=" + URLEncoder.encode(samlResponse, StandardCharsets.UTF_8) + "&RelayState=";
        return HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(endpoint + path)).GET();
        if (cookie != null) {
            r.header("Cookie", WebLogin.SESSION_COOKIE + "=" + cookie);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }
}
