package dev.quire.cli.login;

import dev.quire.cli.chat.OidcPasswordLogin;
import dev.quire.cli.demo.ApiClients;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * {@code quire login --oidc}: a user's temporary credentials for scripts and the AWS CLI. Signs in
 * at the IdP (password grant), then trades the ID token with AssumeRoleWithWebIdentity (unsigned).
 */
@Command(name = "login", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sign a user in at the IdP and print their temporary AWS credentials.",
                "OIDC password grant (via discovery), then STS AssumeRoleWithWebIdentity on --role-arn.",
                "Prints export lines for a shell, or with --write-profile stores them in the shared",
                "credentials file ($AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials)."},
        footer = {"", "Examples:",
                "  eval \"$(./quire login --oidc --issuer http://127.0.0.1:8180/realms/quire --client-id quire-demo \\",
                "      --client-secret … --user mary --role-arn arn:aws:iam::…:role/quire-demo-web-experience-role)\"",
                "  ./quire login --oidc … --write-profile mary && aws --profile mary --endpoint-url http://127.0.0.1:8080 \\",
                "      sts get-caller-identity"})
public final class LoginCommand implements Callable<Integer> {
    @Option(names = "--oidc", required = true, description = "Sign in with OpenID Connect (the only kind for now).")
    boolean oidc;

    @Option(names = "--endpoint", description = "Quire's URL (default: $AWS_ENDPOINT_URL, else http://127.0.0.1:8080).")
    String endpoint;

    @Option(names = "--issuer", required = true, description = "The IdP's issuer URL.")
    String issuer;

    @Option(names = "--client-id", required = true, description = "The OIDC client id.")
    String clientId;

    @Option(names = "--client-secret", required = true, description = "The OIDC client's secret.")
    String clientSecret;

    @Option(names = "--user", required = true, description = "The username at the IdP.")
    String user;

    @Option(names = "--password", description = "The user's password (default: asked on the console).")
    String password;

    @Option(names = "--role-arn", required = true, description = "The role to assume, e.g. the web-experience role.")
    String roleArn;

    @Option(names = "--write-profile", paramLabel = "NAME", description = "Write the credentials to this profile instead of printing them.")
    String profile;

    private final PrintStream out;

    public LoginCommand() {
        this(System.out);
    }

    public LoginCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        if (password == null) {
            Console console = System.console();
            if (console == null) {
                throw new IllegalArgumentException("No console to ask the password on: pass --password.");
            }
            password = new String(console.readPassword("Password for %s: ", user));
        }
        String idToken = new OidcPasswordLogin().idToken(issuer, clientId, clientSecret, user, password);
        Credentials c;
        try (StsClient sts = ApiClients.anonymousSts(endpoint())) {
            c = sts.assumeRoleWithWebIdentity(r -> r.roleArn(roleArn).roleSessionName(sessionName(user))
                    .webIdentityToken(idToken)).credentials();
        }
        if (profile != null) {
            Path file = SharedCredentialsFile.location();
            SharedCredentialsFile.write(file, profile, c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
            out.println("wrote profile '" + profile + "' to " + file + " (valid until " + c.expiration() + ")");
        } else {
            out.println("export AWS_ACCESS_KEY_ID=" + c.accessKeyId());
            out.println("export AWS_SECRET_ACCESS_KEY=" + c.secretAccessKey());
            out.println("export AWS_SESSION_TOKEN=" + c.sessionToken());
            out.println("# valid until " + c.expiration());
        }
        return 0;
    }

    private URI endpoint() {
        String e = endpoint != null ? endpoint : System.getenv("AWS_ENDPOINT_URL");
        return URI.create(e == null || e.isBlank() ? "http://127.0.0.1:8080" : e);
    }

    /** RoleSessionName allows [\w+=,.@-]{2,64}. */
    private static String sessionName(String user) {
        String safe = (user + "-cli").replaceAll("[^\\w+=,.@-]", "_");
        return safe.length() > 64 ? safe.substring(0, 64) : safe;
    }
}
