package dev.quire.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.cli.chat.ChatCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import software.amazon.awssdk.services.qbusiness.model.Application;
import software.amazon.awssdk.services.qbusiness.model.DocumentDetails;
import software.amazon.awssdk.services.qbusiness.model.DocumentStatus;

/**
 * {@code quire demo} in-process on free ports: provisioning happens through the public API, the
 * sample wiki gets INDEXED, {@code quire chat} answers Mary from ACME and Mateo from AnyOrgApp only,
 * and a second start on the same data dir reuses everything.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoCommandTest {
    static final String QUESTION = "who are the project team members?";
    static final List<String> ACME = List.of("Mary Major", "Martha Rivera", "John Doe");
    static final List<String> ANYORG = List.of("Mateo Jackson", "Nikhil Jayashankar", "Saanvi Sarkar");

    @TempDir
    static Path dataDir;
    static int idpPort;
    static Demo demo;
    static String firstOutput;

    @BeforeAll
    static void start() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            idpPort = s.getLocalPort(); // fixed across both starts: it is part of the issuer
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        demo = startDemo(out);
        firstOutput = out.toString(StandardCharsets.UTF_8);
        System.out.println(firstOutput);
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    static Demo startDemo(ByteArrayOutputStream out) {
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Demo started = Demo.start(new Demo.Options(0, idpPort, dataDir, Duration.ofMinutes(5), Map.of()), print);
        DemoNextSteps.print(print, started, dataDir); // what DemoCommand prints before it blocks
        return started;
    }

    @Test
    @Order(1)
    void answersMarysFirstQuestionThroughThePublicApiBeforeSayingReady() throws IOException {
        String check = firstOutput.substring(firstOutput.indexOf("first question, asked as Mary Major"),
                firstOutput.indexOf("from server started to the first answer"));
        assertThat(check).contains("Mary Major, Martha Rivera and John Doe", "Sources:", "ACME");
        assertThat(check).doesNotContain("Nikhil Jayashankar", "Saanvi Sarkar", "AnyOrgApp project team");
        DemoUsers.DemoUser mary = DemoUsers.load(dataDir).find("mary").orElseThrow();
        assertThat(firstOutput).contains("mary.major@example.com", mary.password());
    }

    @Test
    @Order(1)
    void provisionsThroughTheApiAndIndexesTheWiki() throws IOException {
        assertThat(firstOutput).contains("Quire server started", "DEVELOPMENT IdP", "FOR THE DEMO ONLY",
                "provisioning through the public API", "21/21 INDEXED", "from server started to the first answer");
        try (QBusinessClient qb = rootClient()) {
            List<Application> apps = qb.listApplications(r -> r.maxResults(100)).applications();
            assertThat(apps).extracting(Application::displayName).containsExactly(DemoProvisioner.DISPLAY_NAME);
            String app = apps.get(0).applicationId();
            assertThat(qb.getApplication(r -> r.applicationId(app)).autoSubscriptionConfiguration().autoSubscribeAsString())
                    .isEqualTo("ENABLED");
            String index = qb.listIndices(r -> r.applicationId(app)).indices().get(0).indexId();
            List<DocumentDetails> docs = qb.listDocumentsPaginator(r -> r.applicationId(app).indexId(index))
                    .stream().flatMap(p -> p.documentDetailList().stream()).toList();
            assertThat(docs).hasSize(SampleContent.pages().size()).allMatch(d -> d.status() == DocumentStatus.INDEXED);
            assertThat(qb.getGroup(r -> r.applicationId(app).indexId(index).groupName("core-team")).status())
                    .isNotNull();
        }
        assertThat(Files.getPosixFilePermissions(dataDir.resolve(DemoUsers.FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        for (DemoUsers.DemoUser u : DemoUsers.load(dataDir).all()) {
            assertThat(firstOutput).contains(u.password()); // printed for the person running the demo
        }
    }

    @Test
    @Order(2)
    void maryGetsTheAcmeTeamAndNeverAnyOrgApp() {
        String answer = chat("--user", "mary", "--ask", QUESTION);
        assertThat(answer).contains(ACME).contains("https://wiki.example.com/acme/team-page");
        assertThat(answer).doesNotContain("AnyOrgApp", "anyorgapp").doesNotContain(ANYORG);
    }

    @Test
    @Order(3)
    void mateoGetsTheAnyOrgAppTeamAndNeverAcme() {
        String answer = chat("--user", "mateo", "--ask", QUESTION);
        assertThat(answer).contains(ANYORG).contains("https://wiki.example.com/anyorgapp/team-page");
        assertThat(answer).doesNotContain("ACME", "/acme/").doesNotContain(ACME);
    }

    @Test
    @Order(4)
    void theInteractiveLoopKeepsTheConversationAndStartsANewOneOnRequest() {
        String transcript = chatWithInput("how many floating holidays do we get?\n/new\nhow do I connect to the VPN?\n/quit\n",
                "--user", "martha");
        assertThat(transcript).contains("Signed in as martha", "two floating holidays", "(new conversation)",
                "https://wiki.example.com/company/vpn-access");
    }

    @Test
    @Order(4)
    void theReadmesSamlLoginGivesMaryTheDemoRole() {
        String password = DemoUsers.load(dataDir).all().stream().filter(u -> u.username().equals("mary"))
                .findFirst().orElseThrow().password();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new CommandLine(new dev.quire.cli.login.LoginCommand(new PrintStream(out, true, StandardCharsets.UTF_8)))
                .execute("--saml", "--endpoint", demo.server().endpoint().toString(), "--user", "mary", "--password",
                        password, "--idp-url", demo.idp().issuer() + "/protocol/saml/idp-init?sp=urn:amazon:webservices");
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isZero();
        assertThat(text).contains("export AWS_SESSION_TOKEN=");
    }

    @Test
    @Order(5)
    void aWrongPasswordIsRefusedByTheIdp() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cmd = new CommandLine(new ChatCommand(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        cmd.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        int code = cmd.execute("--data-dir", dataDir.toString(), "--endpoint", demo.server().endpoint().toString(),
                "--user", "mary", "--password", "not-her-password", "--ask", QUESTION);
        assertThat(code).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("sign-in").doesNotContain("Mary Major");
    }

    @Test
    @Order(6)
    void aSecondStartOnTheSameDirectoryReusesTheApplication() {
        String users = read(dataDir.resolve(DemoUsers.FILE));
        String issuer = demo.idp().issuer();
        demo.close();
        demo = null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        demo = startDemo(out);
        String second = out.toString(StandardCharsets.UTF_8);
        System.out.println(second);
        assertThat(second).contains("reusing the demo application").doesNotContain("provisioning through");
        assertThat(demo.idp().issuer()).isEqualTo(issuer);
        assertThat(read(dataDir.resolve(DemoUsers.FILE))).isEqualTo(users);
        try (QBusinessClient qb = rootClient()) {
            assertThat(qb.listApplications(r -> r.maxResults(100)).applications()).hasSize(1);
        }
        // same keys and issuer: the IAM provider made on the first run still trusts the IdP's tokens
        assertThat(chat("--user", "mary", "--ask", QUESTION)).contains(ACME);
    }

    private static String chat(String... args) {
        return chatWithInput("", args);
    }

    private static String chatWithInput(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChatCommand command = new ChatCommand(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String[] all = new String[args.length + 4];
        all[0] = "--data-dir";
        all[1] = dataDir.toString();
        all[2] = "--endpoint";
        all[3] = demo.server().endpoint().toString();
        System.arraycopy(args, 0, all, 4, args.length);
        int code = new CommandLine(command).execute(all);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isZero();
        return text;
    }

    private static QBusinessClient rootClient() {
        var root = demo.server().rootCredentials();
        return ApiClients.qbusiness(demo.server().endpoint(), StaticCredentialsProvider.create(
                AwsBasicCredentials.create(root.accessKeyId(), root.secretAccessKey())));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
