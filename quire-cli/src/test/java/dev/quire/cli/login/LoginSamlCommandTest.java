package dev.quire.cli.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.cli.admin.CreateSamlAppCommand;
import dev.quire.devidp.DevIdp;
import dev.quire.server.QuireServer;
import dev.quire.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@code quire login --saml} against an application made by {@code quire admin create-saml-app} and
 * the development IdP: with username and password (the IdP's form filled in), and in "the browser"
 * (here an HTTP client playing the user's browser) posting to the command's local ACS listener.
 * The credentials are the assumed web-experience role's; a wrong password or a role the response
 * does not offer gets none.
 */
class LoginSamlCommandTest {
    static final String SP = "urn:amazon:webservices";
    static final String SIGNIN_ACS = "https://us-east-1.signin.aws.amazon.com/saml";
    static final String NAME = "samltest";

    @TempDir
    static Path dataDir;
    static QuireServer server;
    static DevIdp idp;
    static String roleArn;
    static String providerArn;
    static int listenerPort;

    @BeforeAll
    static void start(@TempDir Path dir) throws IOException {
        server = QuireServer.start(ServerConfig.fromEnvironment("127.0.0.1", 0, dataDir, null, Map.of()));
        roleArn = "arn:aws:iam::" + server.accountId() + ":role/" + NAME + "-web-experience-role";
        providerArn = "arn:aws:iam::" + server.accountId() + ":saml-provider/" + NAME + "-idp";
        idp = DevIdp.builder().samlServiceProvider(SP, roleArn + "," + providerArn, SIGNIN_ACS, "http://127.0.0.1/*")
                .user("ada", "ada-pass", "ada@example.com", "Ada Admin").build().start();
        Path metadata = dir.resolve("idp.xml");
        Files.writeString(metadata, idp.samlMetadataXml());
        System.setProperty("aws.sharedCredentialsFile", server.credentialsFile().toString());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = new CommandLine(new CreateSamlAppCommand(print(out))).execute("--profile", "quire", "--endpoint",
                    server.endpoint().toString(), "--metadata", metadata.toString(), "--name", NAME);
            assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains(roleArn);
        } finally {
            System.clearProperty("aws.sharedCredentialsFile");
        }
        listenerPort = freePort();
        // As the seed's Okta step does for samlapp.py: the role also trusts the CLI's local ACS.
        try (IamClient iam = IamClient.builder().endpointOverride(server.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        server.rootCredentials().accessKeyId(), server.rootCredentials().secretAccessKey())))
                .httpClientBuilder(ApacheHttpClient.builder()).build()) {
            iam.updateAssumeRolePolicy(r -> r.roleName(NAME + "-web-experience-role").policyDocument("""
                    {"Version":"2012-10-17","Statement":[
                     {"Effect":"Allow","Principal":{"Federated":"%1$s"},"Action":"sts:AssumeRoleWithSAML",
                      "Condition":{"StringEquals":{"SAML:aud":["%2$s","%3$s"]}}},
                     {"Effect":"Allow","Principal":{"Federated":"%1$s"},"Action":"sts:TagSession",
                      "Condition":{"StringLike":{"aws:RequestTag/Email":"*"}}}
                    ]}""".formatted(providerArn, SIGNIN_ACS, localAcs())));
        }
    }

    @AfterAll
    static void stop() {
        if (idp != null) {
            idp.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void passwordModePrintsExportLinesThatSignAsTheAssumedRole() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new CommandLine(new LoginCommand(print(out))).execute(passwordArgs("--password", "ada-pass"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isZero();
        String arn = callerArn(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                value(text, "AWS_ACCESS_KEY_ID"), value(text, "AWS_SECRET_ACCESS_KEY"), value(text, "AWS_SESSION_TOKEN"))));
        // the session name is the assertion's RoleSessionName (the email), as AWS names it
        assertThat(arn).isEqualTo("arn:aws:sts::" + server.accountId() + ":assumed-role/" + NAME
                + "-web-experience-role/ada@example.com");
    }

    @Test
    void spInitiatedSignsInAtTheMetadatasSingleSignOnService() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new CommandLine(new LoginCommand(print(out))).execute("--saml", "--sp-initiated",
                "--endpoint", server.endpoint().toString(), "--idp-url", idp.samlSsoUrl(), "--acs-url", SIGNIN_ACS,
                "--user", "ada", "--password", "ada-pass");
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isZero();
        assertThat(value(text, "AWS_SESSION_TOKEN")).isNotEmpty();
    }

    /** The command knows the ID of the AuthnRequest it sent; an answer to another one never reaches STS. */
    @Test
    void spInitiatedRefusesAnAnswerToAnotherRequest() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream told = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> login = CompletableFuture.supplyAsync(() -> {
            CommandLine cmd = new CommandLine(new LoginCommand(print(out), print(told)));
            cmd.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
            return cmd.execute("--saml", "--browser", "--sp-initiated", "--endpoint", server.endpoint().toString(),
                    "--idp-url", idp.samlSsoUrl(), "--acs-url", localAcs(), "--timeout", "60");
        });
        awaitText(told, "&RelayState=");
        String printedUrl = told.toString(StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(l -> l.startsWith(idp.samlSsoUrl() + "?SAMLRequest=")).findFirst().orElseThrow();
        String relayState = printedUrl.substring(printedUrl.indexOf("&RelayState=") + "&RelayState=".length());
        // Signed by the IdP and addressed to this ACS (the role trusts it), but for another AuthnRequest.
        String answer = idp.samlResponseFor("ada", SP, localAcs(), "_another-request");
        HttpResponse<String> posted = HttpClient.newHttpClient().send(formPost(URI.create(localAcs()),
                Map.of("SAMLResponse", answer, "RelayState", relayState)), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(login.get(60, TimeUnit.SECONDS)).as(out.toString(StandardCharsets.UTF_8)).isNotZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("AWS_ACCESS_KEY_ID");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("answers another request", "_another-request");
    }

    @Test
    void aWrongPasswordGetsNoCredentials() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cmd = new CommandLine(new LoginCommand(print(out)));
        cmd.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        assertThat(cmd.execute(passwordArgs("--password", "wrong"))).isNotZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("AWS_ACCESS_KEY_ID");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("did not sign 'ada' in", "Invalid username or password");
    }

    @Test
    void aRoleTheResponseDoesNotOfferIsRefusedBeforeStsWithTheOfferedOnes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cmd = new CommandLine(new LoginCommand(print(out)));
        cmd.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        String other = "arn:aws:iam::" + server.accountId() + ":role/someone-elses-role";
        assertThat(cmd.execute(passwordArgs("--password", "ada-pass", "--role-arn", other))).isNotZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("AWS_ACCESS_KEY_ID");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("does not offer " + other, roleArn);
    }

    @Test
    void browserModeReceivesTheIdpsPostAndWritesAProfile(@TempDir Path home) throws Exception {
        Path file = home.resolve("credentials");
        Files.writeString(file, "[other]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = x\n");
        String idpUrl = idp.samlIdpInitiatedUrl(SP, localAcs());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream told = new ByteArrayOutputStream();
        System.setProperty("aws.sharedCredentialsFile", file.toString());
        try {
            CompletableFuture<Integer> login = CompletableFuture.supplyAsync(() ->
                    new CommandLine(new LoginCommand(print(out), print(told))).execute("--saml", "--browser",
                            "--endpoint", server.endpoint().toString(), "--idp-url", idpUrl,
                            "--acs-url", localAcs(), "--timeout", "60", "--write-profile", "ada"));
            awaitText(told, idpUrl + "&RelayState=");
            String printedUrl = told.toString(StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> l.startsWith(idpUrl)).findFirst().orElseThrow();
            // A page elsewhere posting a response it got for itself (no or another RelayState) is turned away.
            HttpClient attacker = HttpClient.newHttpClient();
            String planted = idp.samlResponseFor("ada", SP, localAcs());
            for (String relay : new String[] {null, "guessed"}) {
                Map<String, String> fields = relay == null ? Map.of("SAMLResponse", planted)
                        : Map.of("SAMLResponse", planted, "RelayState", relay);
                HttpResponse<String> refused = attacker.send(formPost(URI.create(localAcs()), fields),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).isEqualTo(400);
                assertThat(refused.body()).contains("does not belong to the sign-in this command started");
            }
            assertThat(login).isNotDone();
            actAsTheBrowser(printedUrl, "ada", "ada-pass");
            assertThat(login.get(60, TimeUnit.SECONDS)).as(out.toString(StandardCharsets.UTF_8)).isZero();
        } finally {
            System.clearProperty("aws.sharedCredentialsFile");
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote profile 'ada'").doesNotContain("export");
        assertThat(Files.readString(file)).contains("[other]", "AKIAOTHER", "[ada]", "aws_session_token = ");
        ProfileFile profiles = ProfileFile.builder().content(file).type(ProfileFile.Type.CREDENTIALS).build();
        String arn = callerArn(ProfileCredentialsProvider.builder().profileFile(profiles).profileName("ada").build());
        assertThat(arn).endsWith(":assumed-role/" + NAME + "-web-experience-role/ada@example.com");
    }

    @Test
    void helpTeachesEachModeWithAnExample() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine cmd = new CommandLine(new LoginCommand(print(out)));
        cmd.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        assertThat(cmd.execute("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("login --oidc --issuer", "login --saml --user mary",
                "login --saml --browser", "login --saml --sp-initiated", "--idp-url", "--acs-url", "AssumeRoleWithSAML");
    }

    /** The user's browser: opens the IdP URL, signs in on its form, and lets the page post the response. */
    private static void actAsTheBrowser(String idpUrl, String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(idpUrl)).build(),
                HttpResponse.BodyHandlers.ofString());
        HtmlForms.Form form = HtmlForms.passwordForm(page.body()).orElseThrow();
        HttpResponse<String> signedIn = browser.send(formPost(page.uri().resolve(form.action()),
                HtmlForms.filledIn(form, username, password)), HttpResponse.BodyHandlers.ofString());
        HtmlForms.Form autoPost = HtmlForms.formWith(signedIn.body(), "SAMLResponse").orElseThrow();
        assertThat(autoPost.action()).isEqualTo(localAcs());
        HttpResponse<String> acs = browser.send(formPost(URI.create(autoPost.action()),
                Map.of("SAMLResponse", autoPost.value("SAMLResponse").orElseThrow(),
                        "RelayState", autoPost.value("RelayState").orElse(""))), HttpResponse.BodyHandlers.ofString());
        assertThat(acs.statusCode()).isEqualTo(200);
        assertThat(acs.body()).contains("Signed in");
    }

    private static HttpRequest formPost(URI uri, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The command prints the IdP URL once its listener is up. */
    private static void awaitText(ByteArrayOutputStream told, String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!told.toString(StandardCharsets.UTF_8).contains(text)) {
            assertThat(Instant.now()).as("instructions: " + told.toString(StandardCharsets.UTF_8)).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static String localAcs() {
        return "http://127.0.0.1:" + listenerPort + "/saml";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String[] passwordArgs(String... more) {
        String[] base = {"--saml", "--endpoint", server.endpoint().toString(),
                "--idp-url", idp.samlIdpInitiatedUrl(SP, SIGNIN_ACS), "--user", "ada"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static String value(String text, String name) {
        Matcher m = Pattern.compile("^export " + name + "=(\\S+)$", Pattern.MULTILINE).matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    private static String callerArn(AwsCredentialsProvider credentials) {
        try (StsClient sts = StsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(ApacheHttpClient.builder()).build()) {
            return sts.getCallerIdentity().arn();
        }
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }
}
