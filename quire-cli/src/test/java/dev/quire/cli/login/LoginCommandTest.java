package dev.quire.cli.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.cli.admin.CreateOidcAppCommand;
import dev.quire.devidp.DevIdp;
import dev.quire.server.QuireServer;
import dev.quire.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@code quire login --oidc} against an application made by {@code quire admin create-oidc-app}: the
 * printed (or written) credentials are the assumed web-experience role's, and a wrong password gets none.
 */
class LoginCommandTest {
    @TempDir
    static Path dataDir;
    static QuireServer server;
    static DevIdp idp;
    static String roleArn;

    @BeforeAll
    static void start() {
        server = QuireServer.start(ServerConfig.fromEnvironment("127.0.0.1", 0, dataDir, null, Map.of()));
        idp = DevIdp.builder().oidcClient("login-test", "login-secret", "http://127.0.0.1/*")
                .user("ada", "ada-pass", "ada@example.com", "Ada Admin").build().start();
        System.setProperty("aws.sharedCredentialsFile", server.credentialsFile().toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new CommandLine(new CreateOidcAppCommand(print(out))).execute("--profile", "quire", "--endpoint",
                server.endpoint().toString(), "--issuer", idp.issuer(), "--client-id", "login-test", "--name", "logintest");
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isZero();
        Matcher m = Pattern.compile("web-experience role: (\\S+)").matcher(text);
        assertThat(m.find()).isTrue();
        roleArn = m.group(1);
        System.clearProperty("aws.sharedCredentialsFile");
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
    void printsExportLinesThatSignAsTheAssumedRole() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new CommandLine(new LoginCommand(print(out))).execute(args("--password", "ada-pass"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isZero();
        String key = value(text, "AWS_ACCESS_KEY_ID");
        String secret = value(text, "AWS_SECRET_ACCESS_KEY");
        String token = value(text, "AWS_SESSION_TOKEN");
        String arn = callerArn(StaticCredentialsProvider.create(AwsSessionCredentials.create(key, secret, token)));
        assertThat(arn).startsWith("arn:aws:sts::" + server.accountId() + ":assumed-role/logintest-web-experience-role/");
    }

    @Test
    void writeProfileKeepsOtherProfilesAndItsKeysWork(@TempDir Path home) throws IOException {
        Path file = home.resolve("credentials");
        Files.writeString(file, "[other]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = x\n");
        System.setProperty("aws.sharedCredentialsFile", file.toString());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = new CommandLine(new LoginCommand(print(out))).execute(args("--password", "ada-pass",
                    "--write-profile", "ada"));
            assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote profile 'ada'").doesNotContain("export");
        } finally {
            System.clearProperty("aws.sharedCredentialsFile");
        }
        assertThat(Files.readString(file)).contains("[other]", "AKIAOTHER", "[ada]", "aws_session_token = ");
        ProfileFile profiles = ProfileFile.builder().content(file).type(ProfileFile.Type.CREDENTIALS).build();
        String arn = callerArn(ProfileCredentialsProvider.builder().profileFile(profiles).profileName("ada").build());
        assertThat(arn).contains(":assumed-role/logintest-web-experience-role/");
    }

    @Test
    void aWrongPasswordGetsNoCredentials() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cmd = new CommandLine(new LoginCommand(print(out)));
        cmd.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        assertThat(cmd.execute(args("--password", "wrong"))).isNotZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("AWS_ACCESS_KEY_ID");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("sign-in");
    }

    private static String[] args(String... more) {
        String[] base = {"--oidc", "--endpoint", server.endpoint().toString(), "--issuer", idp.issuer(),
                "--client-id", "login-test", "--client-secret", "login-secret", "--user", "ada", "--role-arn", roleArn};
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
        try (StsClient sts = StsClient.builder().endpointOverride(URI.create(server.endpoint().toString()))
                .region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder()).build()) {
            return sts.getCallerIdentity().arn();
        }
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }
}
