package dev.quire.cli.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.server.QuireServer;
import dev.quire.server.ServerConfig;
import dev.quire.server.testkit.KeycloakSamlClients;
import dev.quire.server.testkit.KeycloakTestServer;
import dev.quire.server.testkit.LoginBrowser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@code quire login --saml} with username and password against the real Keycloak of
 * {@code testing/keycloak/quire-realm.json}: its IdP-initiated URL for the {@code urn:amazon:webservices}
 * client (ACS {@code http://localhost:8000/saml}, the seed's samlapp.py), its own login form, and
 * its Secure-on-http cookies.
 */
class LoginSamlKeycloakTest {
    @TempDir
    static Path dataDir;
    static QuireServer server;
    static KeycloakTestServer keycloak;

    static int listenerPort;

    @BeforeAll
    static void start() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            listenerPort = socket.getLocalPort();
        }
        keycloak = KeycloakTestServer.shared();
        server = QuireServer.start(ServerConfig.fromEnvironment("127.0.0.1", 0, dataDir, null, Map.of()));
        try (IamClient iam = IamClient.builder().endpointOverride(server.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        server.rootCredentials().accessKeyId(), server.rootCredentials().secretAccessKey())))
                .httpClientBuilder(ApacheHttpClient.builder()).build()) {
            // the names the realm's hardcoded Role attribute points at
            String provider = iam.createSAMLProvider(r -> r.name("quire-keycloak")
                    .samlMetadataDocument(keycloak.samlMetadataXml())).samlProviderArn();
            assertThat(provider).isEqualTo(KeycloakTestServer.SAML_PROVIDER_ARN);
            iam.createRole(r -> r.roleName("quire-web-experience-role").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[
                     {"Effect":"Allow","Principal":{"Federated":"%s"},"Action":["sts:AssumeRoleWithSAML","sts:TagSession"],
                      "Condition":{"StringEquals":{"SAML:aud":["http://localhost:8000/saml","%s"]}}}
                    ]}""".formatted(provider, browserAcs())));
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void maryGetsTheWebExperienceRoleThroughKeycloaksLoginForm() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new CommandLine(new LoginCommand(print(out))).execute(args("mary", KeycloakTestServer.PASSWORD));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isZero();
        assertThat(callerArn(text)).isEqualTo(
                "arn:aws:sts::123456789012:assumed-role/quire-web-experience-role/mary.major@example.com");
    }

    private static String callerArn(String exportLines) {
        try (StsClient sts = StsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        value(exportLines, "AWS_ACCESS_KEY_ID"), value(exportLines, "AWS_SECRET_ACCESS_KEY"),
                        value(exportLines, "AWS_SESSION_TOKEN"))))
                .httpClientBuilder(ApacheHttpClient.builder()).build()) {
            return sts.getCallerIdentity().arn();
        }
    }

    @Test
    void spInitiatedSendsAnAuthnRequestToKeycloaksSingleSignOnService() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new CommandLine(new LoginCommand(print(out))).execute("--saml", "--sp-initiated",
                "--endpoint", server.endpoint().toString(), "--idp-url", keycloak.samlEndpoint(),
                "--user", "mateo", "--password", KeycloakTestServer.PASSWORD);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isZero();
        assertThat(callerArn(text)).endsWith(":assumed-role/quire-web-experience-role/mateo.jackson@example.com");
    }

    @Test
    void keycloaksRefusalIsShownAndNoCredentialsArePrinted() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cmd = new CommandLine(new LoginCommand(print(out)));
        cmd.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        assertThat(cmd.execute(args("mary", "not-her-password"))).isNotZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("AWS_ACCESS_KEY_ID");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("did not sign 'mary' in", "Invalid username or password");
    }

    /**
     * Browser mode with Keycloak's IdP-initiated URL: Keycloak must hand the command's RelayState
     * back with the response, or the listener would refuse it. The browser is the testkit's.
     */
    @Test
    void browserModeGetsKeycloaksPostWithItsRelayState() throws Exception {
        KeycloakSamlClients clients = new KeycloakSamlClients(keycloak);
        KeycloakSamlClients.SamlClient client = clients.createAwsStyleClient(browserAcs(),
                KeycloakTestServer.SAML_ROLE_ATTRIBUTE_VALUE);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream told = new ByteArrayOutputStream();
            CompletableFuture<Integer> login = CompletableFuture.supplyAsync(() ->
                    new CommandLine(new LoginCommand(print(out), print(told))).execute("--saml", "--browser",
                            "--endpoint", server.endpoint().toString(), "--idp-url", client.idpInitiatedUrl(),
                            "--acs-url", browserAcs(), "--timeout", "60"));
            String startUrl = awaitStartUrl(told, client.idpInitiatedUrl());
            LoginBrowser browser = new LoginBrowser();
            HttpResponse<String> page = browser.getFollowing(URI.create(startUrl), 10);
            HttpResponse<String> answer = browser.submitLogin(page, "mary", KeycloakTestServer.PASSWORD);
            if (answer.statusCode() == 302) {
                answer = browser.getFollowing(answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow()), 10);
            }
            String html = answer.body();
            assertThat(LoginBrowser.firstFormAction(html)).contains(browserAcs());
            HttpResponse<String> posted = browser.postForm(URI.create(browserAcs()), Map.of(
                    "SAMLResponse", LoginBrowser.inputValue(html, "SAMLResponse").orElseThrow(),
                    "RelayState", LoginBrowser.inputValue(html, "RelayState").orElse("")));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
            assertThat(login.get(60, TimeUnit.SECONDS)).as(out.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("export AWS_SESSION_TOKEN=");
        } finally {
            clients.delete(client);
        }
    }

    private static String awaitStartUrl(ByteArrayOutputStream told, String idpUrl) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            var line = told.toString(StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> l.startsWith(idpUrl + "?RelayState=")).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no sign-in URL printed: " + told.toString(StandardCharsets.UTF_8));
    }

    private static String browserAcs() {
        return "http://127.0.0.1:" + listenerPort + "/saml";
    }

    private static String[] args(String user, String password) {
        return new String[] {"--saml", "--endpoint", server.endpoint().toString(),
                "--idp-url", keycloak.issuerUrl() + "/protocol/saml/clients/amazon-aws",
                "--user", user, "--password", password};
    }

    private static String value(String text, String name) {
        Matcher m = Pattern.compile("^export " + name + "=(\\S+)$", Pattern.MULTILINE).matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }
}
