package dev.quire.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.devidp.DevIdp;
import dev.quire.llm.LlmProviders;
import dev.quire.server.support.RunningQuire;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.ContentType;
import software.amazon.awssdk.services.qbusiness.model.DocumentStatus;
import software.amazon.awssdk.services.qbusiness.model.MembershipType;
import software.amazon.awssdk.services.qbusiness.model.Principal;
import software.amazon.awssdk.services.qbusiness.model.ReadAccessType;

/**
 * The hosted web chat streams over HTTP as the answer is generated: Quire runs with the real
 * OpenAI-compatible adapter against {@link StreamingModelDouble}, whose answer cannot finish
 * until this client has read the first {@code text} event. A blocked phrase split across the
 * model's chunks never reaches the client. Sign-in is SAML through the development IdP.
 */
class WebChatStreamingTest {
    static final String SP = "urn:amazon:webservices";
    static final String PROVIDER_ARN = "arn:aws:iam::123456789012:saml-provider/quire-devidp";
    static final String ROLE = "quire-web-stream-role";
    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/" + ROLE;
    static final String BLOCKED_MESSAGE = "That topic is blocked in this assistant.";
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    static Path dataDir;
    static StreamingModelDouble model;
    static RunningQuire quire;
    static DevIdp idp;
    static String endpoint;
    static String cookie;
    static String csrf;

    @BeforeAll
    static void start() throws Exception {
        model = new StreamingModelDouble();
        quire = RunningQuire.h2(dataDir, LlmProviders.create(Map.of("provider", "openai-compatible",
                "base-url", model.baseUrl(), "model", "llama3", "timeout", "PT60S")));
        idp = DevIdp.builder().user("mary", "mary-password", "mary.major@example.com", "Mary Major", "core-team")
                .samlServiceProvider(SP, ROLE_ARN + "," + PROVIDER_ARN, "http://127.0.0.1/*").build().start();
        try (IamClient iam = quire.iam(quire.rootCredentials());
             QBusinessClient qb = quire.qbusiness(quire.rootCredentials())) {
            iam.createSAMLProvider(r -> r.name("quire-devidp").samlMetadataDocument(idp.samlMetadataXml()));
            iam.createRole(r -> r.roleName(ROLE).assumeRolePolicyDocument(WebSamlSignInTest.trustPolicy("http://x.invalid/")));
            String app = qb.createApplication(r -> r.displayName("acme-stream").identityType("AWS_IAM_IDP_SAML")
                    .iamIdentityProviderArn(PROVIDER_ARN)).applicationId();
            qb.updateApplication(r -> r.applicationId(app).autoSubscriptionConfiguration(a -> a
                    .autoSubscribe("ENABLED").defaultSubscriptionType("Q_BUSINESS")));
            qb.updateChatControlsConfiguration(r -> r.applicationId(app).responseScope("EXTENDED_KNOWLEDGE_ENABLED")
                    .blockedPhrasesConfigurationUpdate(b -> b.blockedPhrasesToCreateOrUpdate("project falcon")
                            .systemMessageOverride(BLOCKED_MESSAGE)));
            iam.putRolePolicy(r -> r.roleName(ROLE).policyName("web-experience").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                     "Action":["qbusiness:ChatSync","qbusiness:ListConversations","qbusiness:ListMessages"],
                     "Resource":"arn:aws:qbusiness:us-east-1:123456789012:application/%s"}]}""".formatted(app)));
            String index = qb.createIndex(r -> r.applicationId(app).displayName("acme-index")).indexId();
            qb.createRetriever(r -> r.applicationId(app).displayName("native").type("NATIVE_INDEX")
                    .configuration(c -> c.nativeIndexConfiguration(n -> n.indexId(index))));
            qb.batchPutDocument(r -> r.applicationId(app).indexId(index).documents(d -> d.id("travel-policy")
                    .title("Travel policy").contentType(ContentType.PLAIN_TEXT)
                    .content(c -> c.blob(SdkBytes.fromString("Business class is allowed for flights longer than"
                            + " six hours. Receipts are due within thirty days.", StandardCharsets.UTF_8)))
                    .accessConfiguration(a -> a.accessControls(ac -> ac.principals(Principal.fromUser(u -> u
                            .id("mary.major@example.com").access(ReadAccessType.ALLOW)
                            .membershipType(MembershipType.INDEX)))))));
            awaitIndexed(qb, app, index);
            String webExperienceId = qb.createWebExperience(r -> r.applicationId(app).title("ACME Assistant")
                    .roleArn(ROLE_ARN).identityProviderConfiguration(i -> i.samlConfiguration(s -> s
                            .authenticationUrl(idp.samlIdpInitiatedUrl(SP, "http://placeholder.invalid/saml")))))
                    .webExperienceId();
            endpoint = qb.getWebExperience(r -> r.applicationId(app).webExperienceId(webExperienceId)).defaultEndpoint();
            iam.updateAssumeRolePolicy(r -> r.roleName(ROLE).policyDocument(WebSamlSignInTest.trustPolicy(endpoint + "saml")));
        }
        String form = "SAMLResponse=" + URLEncoder.encode(idp.samlResponseFor("mary", SP, endpoint + "saml"),
                StandardCharsets.UTF_8) + "&RelayState=";
        HttpResponse<String> signIn = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + "saml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(302);
        cookie = WebSamlSignInTest.sessionCookie(signIn);
        HttpResponse<String> config = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + "api/config"))
                .header("Cookie", WebLogin.SESSION_COOKIE + "=" + cookie).build(), HttpResponse.BodyHandlers.ofString());
        csrf = WebHttp.JSON.readTree(config.body()).path("csrfToken").asText();
    }

    @AfterAll
    static void stop() {
        if (idp != null) {
            idp.close();
        }
        if (quire != null) {
            quire.close();
        }
        if (model != null) {
            model.close();
        }
    }

    private static void awaitIndexed(QBusinessClient qb, String app, String index) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (qb.listDocuments(r -> r.applicationId(app).indexId(index)).documentDetailList().stream()
                .noneMatch(d -> d.status() == DocumentStatus.INDEXED)) {
            assertThat(Instant.now()).as("the travel policy is indexed in time").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    /** One Server-Sent Event as the page parses it. */
    record Event(String name, JsonNode data) {
    }

    static HttpResponse<InputStream> ask(String question, String csrfToken) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(endpoint + "api/chat")).timeout(PATIENCE)
                .header("Cookie", WebLogin.SESSION_COOKIE + "=" + cookie).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(WebHttp.JSON.writeValueAsString(Map.of("message", question))));
        if (csrfToken != null) {
            r.header("X-Quire-CSRF", csrfToken);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    static Event next(BufferedReader in) throws IOException {
        String name = null;
        String data = null;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isEmpty() && name != null) {
                return new Event(name, WebHttp.JSON.readTree(data));
            }
            if (line.startsWith("event: ")) {
                name = line.substring(7);
            } else if (line.startsWith("data: ")) {
                data = line.substring(6);
            }
        }
        return null;
    }

    @Test
    void theFirstDeltaArrivesWhileTheModelIsStillAnswering() throws Exception {
        HttpResponse<InputStream> r = ask("Which class may I fly on long flights?", csrf);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        List<Event> events = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            Event first = next(in);
            assertThat(first).isNotNull();
            assertThat(first.name()).isEqualTo("text");
            assertThat(first.data().path("text").asText()).startsWith("Business class is allowed");
            model.clientReadFirstDelta.countDown();
            for (Event e = next(in); e != null; e = next(in)) {
                events.add(e);
            }
        }
        assertThat(model.waitedForTheClient).as("the model was still answering when the client read the first delta")
                .isTrue();
        Event done = events.get(events.size() - 1);
        assertThat(done.name()).isEqualTo("done");
        StringBuilder shown = new StringBuilder("Business");
        events.stream().filter(e -> e.name().equals("text")).forEach(e -> shown.append(e.data().path("text").asText()));
        String answer = done.data().path("systemMessage").asText();
        assertThat(answer).startsWith("Business class is allowed").contains("[1]").endsWith("within thirty days.");
        assertThat(done.data().path("conversationId").asText()).isNotEmpty();
        assertThat(done.data().path("systemMessageId").asText()).isNotEmpty();
        assertThat(done.data().path("sourceAttributions").get(0).path("title").asText()).isEqualTo("Travel policy");
        assertThat(done.data().path("sourceAttributions").get(0).path("citationNumber").asInt()).isEqualTo(1);
    }

    @Test
    void aBlockedPhraseSplitAcrossModelChunksNeverCrossesTheWire() throws Exception {
        HttpResponse<InputStream> r = ask("What is the falcon budget?", csrf);
        assertThat(r.statusCode()).isEqualTo(200);
        String wire;
        try (InputStream in = r.body()) {
            wire = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(wire).doesNotContainIgnoringCase("project").doesNotContainIgnoringCase("fal")
                .doesNotContain("million");
        assertThat(wire).contains("event: blocked").contains(BLOCKED_MESSAGE).contains("event: done");
        assertThat(wire.indexOf("event: blocked")).isLessThan(wire.indexOf("event: done"));
    }

    @Test
    void theStreamingEndpointStillNeedsTheCsrfTokenAndASession() throws Exception {
        HttpResponse<InputStream> noCsrf = ask("Which class may I fly?", null);
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(new String(noCsrf.body().readAllBytes(), StandardCharsets.UTF_8)).contains("CsrfTokenMissing");
        HttpResponse<String> noSession = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + "api/chat"))
                .header("X-Quire-CSRF", csrf).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hi\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noSession.statusCode()).isEqualTo(401);
        HttpResponse<InputStream> blank = ask("   ", csrf);
        assertThat(blank.statusCode()).as("checks answer with an error status before any event").isEqualTo(400);
    }
}
