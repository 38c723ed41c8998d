package dev.quire.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.cli.demo.ApiClients;
import dev.quire.devidp.DevIdp;
import dev.quire.server.QuireServer;
import dev.quire.server.ServerConfig;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.DocumentDetails;
import software.amazon.awssdk.services.qbusiness.model.DocumentStatus;
import software.amazon.awssdk.services.qbusiness.model.ResourceNotFoundException;
import software.amazon.awssdk.services.qbusiness.model.WebExperience;

/**
 * The admin commands against an in-process Quire and development IdP, signed with the server's root
 * keys read the ordinary way (shared credentials file + --profile): create an OIDC application, a
 * group, ingest a folder, delete the application; the same for SAML.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminCommandsTest {
    @TempDir
    static Path dataDir;
    static QuireServer server;
    static DevIdp idp;
    static String applicationId;
    static String indexId;

    @BeforeAll
    static void start() {
        server = QuireServer.start(ServerConfig.fromEnvironment("127.0.0.1", 0, dataDir, null, Map.of()));
        String account = "arn:aws:iam::" + server.accountId() + ":";
        idp = DevIdp.builder().oidcClient("admin-test", "admin-test-secret", "http://127.0.0.1/*")
                .samlServiceProvider("urn:amazon:webservices", account + "role/acme-saml-web-experience-role,"
                        + account + "saml-provider/acme-saml-idp", "http://127.0.0.1/*")
                .user("ada", "ada-pass", "ada@example.com", "Ada Admin").build().start();
        System.setProperty("aws.sharedCredentialsFile", server.credentialsFile().toString());
    }

    @AfterAll
    static void stop() {
        System.clearProperty("aws.sharedCredentialsFile");
        if (idp != null) {
            idp.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void createOidcAppProvisionsEverythingAndPrintsTheIds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = run(new CreateOidcAppCommand(print(out)), "--issuer", idp.issuer(), "--client-id", "admin-test",
                "--client-secret", "admin-test-secret", "--name", "acme");
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isZero();
        assertThat(text).contains("IAM OpenID Connect provider", "application", "index", "retriever",
                "web-experience role", "secrets role", "web experience URL: http");
        applicationId = id(text, "application \\(auto-subscription ENABLED, Q_BUSINESS\\)");
        indexId = id(text, "index \\(ENTERPRISE, 1 unit\\)");
        try (QBusinessClient qb = root()) {
            var app = qb.getApplication(r -> r.applicationId(applicationId));
            assertThat(app.displayName()).isEqualTo("acme");
            assertThat(app.autoSubscriptionConfiguration().autoSubscribeAsString()).isEqualTo("ENABLED");
            assertThat(qb.listIndices(r -> r.applicationId(applicationId)).indices()).hasSize(1);
            assertThat(qb.listRetrievers(r -> r.applicationId(applicationId)).retrievers()).hasSize(1);
            WebExperience web = qb.listWebExperiences(r -> r.applicationId(applicationId)).webExperiences().get(0);
            var config = qb.getWebExperience(r -> r.applicationId(applicationId).webExperienceId(web.webExperienceId()))
                    .identityProviderConfiguration();
            assertThat(config.openIDConnectConfiguration().secretsRole()).endsWith(":role/acme-secrets-role");
        }
    }

    @Test
    @Order(2)
    void putGroupMakesAnIndexGroup() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = run(new PutGroupCommand(print(out)), "--application-id", applicationId, "--index-id", indexId,
                "--group", "core-team", "--user", "ada@example.com", "--user", "bob@example.com");
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("core-team: 2 member(s)");
        try (QBusinessClient qb = root()) {
            assertThat(qb.getGroup(r -> r.applicationId(applicationId).indexId(indexId).groupName("core-team"))
                    .status()).isNotNull();
        }
    }

    @Test
    @Order(3)
    void ingestSendsTheFolderAndWaitsUntilIndexed(@TempDir Path docs) throws IOException {
        Files.writeString(docs.resolve("holidays.md"), "# Holidays\nEveryone gets two floating holidays.");
        Files.createDirectories(docs.resolve("sub"));
        Files.writeString(docs.resolve("sub/vpn.txt"), "Connect to the VPN with the corporate client.");
        Files.writeString(docs.resolve("team.html"), "<html><body><h1>Team</h1><p>Ada leads.</p></body></html>");
        Files.writeString(docs.resolve("ignored.bin"), "not a document type");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run(new IngestCommand(print(out), print(err), false), docs.toString(), "--application-id",
                applicationId, "--index-id", indexId, "--group", "core-team");
        String progress = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out + progress).isZero();
        assertThat(progress).contains("sending", "3/3", "indexing", "files/s", "ETA", "failed 0").doesNotContain("\r");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("3 of 3 documents INDEXED");
        try (QBusinessClient qb = root()) {
            List<DocumentDetails> all = qb.listDocuments(r -> r.applicationId(applicationId).indexId(indexId))
                    .documentDetailList();
            assertThat(all).extracting(DocumentDetails::documentId)
                    .containsExactlyInAnyOrder("holidays.md", "sub/vpn.txt", "team.html");
            assertThat(all).allMatch(d -> d.status() == DocumentStatus.INDEXED);
        }
    }

    @Test
    @Order(4)
    void ingestNeedsExactlyOneAccessChoice(@TempDir Path docs) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cmd = new CommandLine(new IngestCommand(print(new ByteArrayOutputStream()), print(err), false));
        cmd.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        int code = cmd.execute(docs.toString(), "--application-id", applicationId, "--index-id", indexId,
                "--group", "g", "--public");
        assertThat(code).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("mutually exclusive");
    }

    @Test
    @Order(5)
    void deleteAppRefusesWithoutConfirmation() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cmd = new CommandLine(new DeleteAppCommand()); // no console under the test runner
        cmd.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        assertThat(cmd.execute("--profile", "quire", "--endpoint", server.endpoint().toString(),
                "--application-id", applicationId)).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("pass --yes");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(run(new DeleteAppCommand(print(out), new BufferedReader(new StringReader("n\n"))),
                "--application-id", applicationId)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("[y/N]", "not deleted");
        try (QBusinessClient qb = root()) {
            assertThat(qb.getApplication(r -> r.applicationId(applicationId)).applicationId()).isEqualTo(applicationId);
        }
    }

    @Test
    @Order(6)
    void deleteAppWithYesRemovesIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(run(new DeleteAppCommand(print(out), null), "--application-id", applicationId, "--yes")).isZero();
        try (QBusinessClient qb = root()) {
            assertThatThrownBy(() -> qb.getApplication(r -> r.applicationId(applicationId)))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    @Order(7)
    void createSamlAppUsesTheMetadatasSingleSignOnUrlAndItsWebExperienceSignsIn(@TempDir Path dir) throws Exception {
        Path metadata = dir.resolve("idp.xml");
        Files.writeString(metadata, idp.samlMetadataXml());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = run(new CreateSamlAppCommand(print(out)), "--metadata", metadata.toString(), "--name", "acme-saml");
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isZero();
        String app = id(text, "application \\(auto-subscription ENABLED, Q_BUSINESS\\)");
        try (QBusinessClient qb = root()) {
            WebExperience web = qb.listWebExperiences(r -> r.applicationId(app)).webExperiences().get(0);
            var got = qb.getWebExperience(r -> r.applicationId(app).webExperienceId(web.webExperienceId()));
            assertThat(got.identityProviderConfiguration().samlConfiguration().authenticationUrl()).isEqualTo(idp.samlSsoUrl());
            assertThat(text).contains("ACS URL " + got.defaultEndpoint() + "saml");
            // The IdP's response for the web experience signs in: the role trusts <endpoint>saml.
            HttpClient http = HttpClient.newBuilder().build();
            HttpResponse<String> begin = http.send(HttpRequest.newBuilder(URI.create(got.defaultEndpoint())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(begin.headers().firstValue("location").orElseThrow()).startsWith(idp.samlSsoUrl() + "?SAMLRequest=");
            String response = idp.samlResponseFor("ada", "urn:amazon:webservices", got.defaultEndpoint() + "saml");
            HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(got.defaultEndpoint() + "saml"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("SAMLResponse=" + URLEncoder.encode(response,
                            StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(302);
            assertThat(signIn.headers().allValues("set-cookie")).anyMatch(c -> c.startsWith("quire_session=") && !c.startsWith("quire_session=;"));
        }
    }

    static int run(Callable<Integer> command, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--profile";
        all[1] = "quire";
        all[2] = "--endpoint";
        all[3] = server.endpoint().toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return new CommandLine(command).execute(all);
    }

    static String id(String output, String step) {
        Matcher m = Pattern.compile("✓ " + step + ": (\\S+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return m.group(1);
    }

    static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    static QBusinessClient root() {
        var keys = server.rootCredentials();
        return ApiClients.qbusiness(server.endpoint(), StaticCredentialsProvider.create(
                AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())));
    }
}
