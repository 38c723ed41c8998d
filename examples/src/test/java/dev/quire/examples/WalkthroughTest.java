package dev.quire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.server.testkit.KeycloakTestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.AccessConfiguration;
import software.amazon.awssdk.services.qbusiness.model.AccessControl;
import software.amazon.awssdk.services.qbusiness.model.ContentType;
import software.amazon.awssdk.services.qbusiness.model.Document;
import software.amazon.awssdk.services.qbusiness.model.DocumentContent;
import software.amazon.awssdk.services.qbusiness.model.GroupMembers;
import software.amazon.awssdk.services.qbusiness.model.MemberUser;
import software.amazon.awssdk.services.qbusiness.model.Principal;
import software.amazon.awssdk.services.qbusiness.model.PrincipalGroup;
import software.amazon.awssdk.services.qbusiness.model.PrincipalUser;
import software.amazon.awssdk.services.qbusiness.model.ReadAccessType;
import software.amazon.awssdk.services.qbusiness.model.MembershipType;
import software.amazon.awssdk.services.qbusiness.model.ValidationException;

/**
 * docs/walkthrough.md, step by step and in the same order, so the document stays true: each
 * {@code @Order} is the section of that number. When a step of the document changes, change it here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkthroughTest {
    static final String MARY_QUERY = "what is the checklist of new team member onboarding activities?";
    static final String TEAM_QUERY = "who are the project team members?";

    @TempDir
    static Path dataDir;
    static KeycloakTestServer keycloak;
    static QuireFixture quire;
    static String secretId;
    static CreatedApp app;
    static final Map<String, Map<String, String>> credentials = new HashMap<>();

    @BeforeAll
    static void sections1and2StartKeycloakAndQuire() {
        keycloak = KeycloakTestServer.shared();  // 1. scripts/keycloak.sh start
        quire = new QuireFixture(dataDir);       // 2. ./quire serve
    }

    @AfterAll
    static void stop() {
        quire.close();
    }

    @Test
    @Order(3)
    void section3StoreTheClientSecretAndCreateTheApplication() {
        secretId = quire.createClientSecret("QBusiness-keycloak", KeycloakTestServer.OIDC_CLIENT_SECRET);
        assertThat(secretId).startsWith("QBusiness-keycloak-");
        QuireFixture.Output out = new QuireFixture.Output();

        app = CreateIamOidcQbizApp.run(ExampleSetup.oidcCreateConfig(keycloak, secretId), quire.iam, quire.qbusiness,
                out.stream);

        assertThat(out.text()).contains("OpenID Connect Provider ARN: arn:aws:iam::123456789012:oidc-provider/"
                + keycloak.issuerUrl().replaceFirst("^https?://", ""),
                "Web experience role: " + app.webExperienceRoleArn(), "\"status\" : \"ACTIVE\"",
                "QBusiness auto subscription enabled for Q_BUSINESS");
    }

    @Test
    @Order(4)
    void section4MaryAndMateoLogInThroughOidcApp() throws Exception {
        int port = ExampleSetup.freePort();
        String base = "http://127.0.0.1:" + port;
        try (OidcApp oidcApp = OidcApp.start(ExampleSetup.oidcAppConfig(keycloak, base, app.webExperienceRoleArn()),
                quire.anonymousSts(), port)) {
            for (String user : List.of("mary", "mateo")) {
                Browser browser = new Browser();
                HttpResponse<String> page = browser.get(browser.loginAtKeycloak(base + "/login/oidc",
                        keycloak.baseUrl(), user, KeycloakTestServer.PASSWORD));
                assertThat(page.body()).contains("OIDC Login Successful", "export AWS_SESSION_TOKEN=");
                credentials.put(user, Browser.exportedCredentials(page.body()));
            }
        }
        assertThat(credentials.get("mary").get("AWS_ACCESS_KEY_ID"))
                .isNotEqualTo(credentials.get("mateo").get("AWS_ACCESS_KEY_ID"));
    }

    @Test
    @Order(5)
    void section5MapTheGroupAndAddDocuments() {
        quire.qbusiness.putGroup(r -> r.applicationId(app.applicationId()).indexId(app.indexId()).groupName("core-team")
                .type(MembershipType.INDEX).groupMembers(GroupMembers.builder().memberUsers(
                        member("mary.major@example.com"), member("martha.rivera@example.com"),
                        member("john.doe@example.com")).build()));
        var failed = quire.qbusiness.batchPutDocument(r -> r.applicationId(app.applicationId()).indexId(app.indexId())
                .documents(document("acme-team", "ACME project team", Walkthrough.ACME_TEXT,
                                Principal.fromGroup(PrincipalGroup.builder().name("core-team").access(ReadAccessType.ALLOW)
                                        .membershipType(MembershipType.INDEX).build())),
                        document("anyorgapp-team", "AnyOrgApp project team", Walkthrough.ANYORGAPP_TEXT,
                                Principal.fromUser(PrincipalUser.builder().id("mateo.jackson@example.com")
                                        .access(ReadAccessType.ALLOW).membershipType(MembershipType.INDEX).build()))))
                .failedDocuments();

        assertThat(failed).isEmpty();
        awaitIndexed(List.of("acme-team", "anyorgapp-team"));
        assertThat(quire.qbusiness.getGroup(r -> r.applicationId(app.applicationId()).indexId(app.indexId())
                .groupName("core-team")).status().statusAsString()).isEqualTo("SUCCEEDED");
    }

    @Test
    @Order(6)
    void section6SimpleChatAsMaryAndAsMateo() {
        Map<String, String> answers = new HashMap<>();
        for (String user : List.of("mary", "mateo")) {
            try (QBusinessClient asUser = ExampleSetup.qbusinessAs(quire, credentials.get(user))) {
                assumeChatSyncServed(asUser);
                QuireFixture.Output out = new QuireFixture.Output();
                QuireFixture.Output err = new QuireFixture.Output();
                // the seed's first call may be refused while auto-subscription happens: run it twice, as the seed says
                if (SimpleChat.run(app.applicationId(), List.of(TEAM_QUERY), asUser, out.stream, err.stream) != 0) {
                    SimpleChat.run(app.applicationId(), List.of(TEAM_QUERY), asUser, out.stream, err.stream);
                }
                answers.put(user, out.text());
            }
        }
        assertThat(answers.get("mary")).contains("User query: " + TEAM_QUERY).contains("ACME")
                .doesNotContain("AnyOrgApp");
        assertThat(answers.get("mateo")).contains("User query: " + TEAM_QUERY).contains("AnyOrgApp")
                .doesNotContain("ACME");
    }

    @Test
    @Order(7)
    void section7CleanupLeavesNothingBehind() {
        QuireFixture.Output out = new QuireFixture.Output();
        Cleanup.run(Cleanup.Config.fromEnv(new Env(Map.of("AWS_DEFAULT_REGION", QuireFixture.REGION,
                "AWS_ACCOUNT_ID", QuireFixture.ACCOUNT_ID, "AWS_SECRET_ID", secretId))),
                quire.iam, quire.qbusiness, quire.secrets, out.stream);

        assertThat(out.text()).contains("Deleted application " + app.applicationId(), "Cleanup done.");
        assertThat(quire.qbusiness.listApplications(r -> { }).applications()).isEmpty();
        assertThat(quire.iam.listRoles().roles()).isEmpty();
        assertThat(quire.iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL)).policies()).isEmpty();
        assertThat(quire.iam.listOpenIDConnectProviders().openIDConnectProviderList()).isEmpty();
        assertThat(quire.secrets.listSecrets(r -> { }).secretList()).isEmpty();
    }

    /** ChatSync is implemented on another branch; until it is merged, section 6 is skipped, visibly. */
    private void assumeChatSyncServed(QBusinessClient asUser) {
        try {
            asUser.chatSync(r -> r.applicationId(app.applicationId()).userMessage("ping"));
        } catch (ValidationException e) {
            Assumptions.assumeFalse(e.getMessage().contains("is not supported by Quire yet"),
                    "ChatSync is not served by this build of Quire yet");
        } catch (RuntimeException e) {
            // served, but refused (e.g. the subscription being created): the steps below handle it
        }
    }

    /** Documents are searchable only once ListDocuments says INDEXED (the walkthrough waits the same way). */
    private void awaitIndexed(List<String> ids) {
        long deadline = System.currentTimeMillis() + 180_000;
        while (true) {
            Map<String, String> status = new HashMap<>();
            quire.qbusiness.listDocuments(r -> r.applicationId(app.applicationId()).indexId(app.indexId()))
                    .documentDetailList().forEach(d -> status.put(d.documentId(), d.statusAsString()));
            if (ids.stream().allMatch(id -> "INDEXED".equals(status.get(id)))) {
                return;
            }
            assertThat(System.currentTimeMillis()).as("documents indexed in time: %s", status).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static MemberUser member(String email) {
        return MemberUser.builder().userId(email).type(MembershipType.INDEX).build();
    }

    private static Document document(String id, String title, String text, Principal principal) {
        return Document.builder().id(id).title(title).contentType(ContentType.PLAIN_TEXT)
                .content(DocumentContent.fromBlob(SdkBytes.fromUtf8String(text)))
                .accessConfiguration(AccessConfiguration.builder().accessControls(AccessControl.builder()
                        .principals(principal).build()).build()).build();
    }
}
