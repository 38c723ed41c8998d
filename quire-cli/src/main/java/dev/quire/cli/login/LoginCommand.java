package dev.quire.cli.login;

import dev.quire.cli.chat.OidcPasswordLogin;
import dev.quire.cli.demo.ApiClients;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * {@code quire login --oidc | --saml}: a user's temporary credentials for scripts and the AWS CLI.
 * OIDC: password grant at the IdP, then AssumeRoleWithWebIdentity. SAML: a SAMLResponse from the
 * IdP (its sign-in form filled in with username and password, or the user's own browser posting to
 * a local ACS listener), then AssumeRoleWithSAML. Both STS calls are unsigned, as in AWS.
 */
@Command(name = "login", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {"Sign a user in at the IdP and print their temporary AWS credentials.",
                "--oidc: OIDC password grant (via discovery), then STS AssumeRoleWithWebIdentity on --role-arn.",
                "--saml: a SAML response from the IdP, then STS AssumeRoleWithSAML on the role (and SAML provider)",
                "        the response offers in https://aws.amazon.com/SAML/Attributes/Role (--role-arn picks one).",
                "Prints export lines for a shell, or with --write-profile stores them in the shared",
                "credentials file ($AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials).", ""},
        footer = {"", "Examples (after ./quire demo; its IdP runs at http://127.0.0.1:8081/realms/quire):",
                "  # OIDC, username and password",
                "  eval \"$(./quire login --oidc --issuer http://127.0.0.1:8081/realms/quire --client-id quire-demo \\",
                "      --client-secret … --user mary --role-arn arn:aws:iam::123456789012:role/quire-demo-web-experience-role)\"",
                "  # SAML, username and password: the IdP's sign-in form is filled in for you",
                "  eval \"$(./quire login --saml --user mary \\",
                "      --idp-url 'http://127.0.0.1:8081/realms/quire/protocol/saml/idp-init?sp=urn:amazon:webservices')\"",
                "  # SAML in your browser (any IdP, any second factor): the IdP posts to http://localhost:8000/saml",
                "  ./quire login --saml --browser --idp-url https://idp.example.com/app/…/sso/saml --write-profile mary",
                "  # SAML started by an AuthnRequest to the IdP's SingleSignOnService (the seed's IDP_SSO_URL)",
                "  eval \"$(./quire login --saml --sp-initiated --user mary --idp-url http://127.0.0.1:8081/realms/quire/protocol/saml)\"",
                "  aws --profile mary --endpoint-url http://127.0.0.1:8080 sts get-caller-identity",
                "",
                "The SAML sign-in URL is the one a web experience's samlConfiguration.authenticationUrl holds:",
                "Keycloak: <issuer>/protocol/saml/clients/<IdP-initiated SSO URL name>; Okta: the app's embed link."})
public final class LoginCommand implements Callable<Integer> {
    @Option(names = "--oidc", description = "Sign in with OpenID Connect.")
    boolean oidc;

    @Option(names = "--saml", description = "Sign in with SAML 2.0.")
    boolean saml;

    @Option(names = "--endpoint", description = "Quire's URL (default: $AWS_ENDPOINT_URL, else http://127.0.0.1:8080).")
    String endpoint;

    @Option(names = "--user", description = "The username at the IdP (not with --browser).")
    String user;

    @Option(names = "--password", description = "The user's password (default: asked on the console).")
    String password;

    @Option(names = "--role-arn", description = "The role to assume, e.g. the web-experience role (required with --oidc).")
    String roleArn;

    @Option(names = "--write-profile", paramLabel = "NAME", description = "Write the credentials to this profile instead of printing them.")
    String profile;

    @ArgGroup(exclusive = false, validate = false, heading = "%nWith --oidc:%n")
    OidcOptions oidcOptions = new OidcOptions();

    @ArgGroup(exclusive = false, validate = false, heading = "%nWith --saml:%n")
    SamlOptions samlOptions = new SamlOptions();

    static final class OidcOptions {
        @Option(names = "--issuer", description = "The IdP's issuer URL.")
        String issuer;

        @Option(names = "--client-id", description = "The OIDC client id.")
        String clientId;

        @Option(names = "--client-secret", description = "The OIDC client's secret.")
        String clientSecret;
    }

    static final class SamlOptions {
        @Option(names = "--idp-url", paramLabel = "URL", description = "Where SAML sign-in starts at the IdP (IdP-initiated URL).")
        URI idpUrl;

        @Option(names = "--principal-arn", description = "The IAM SAML provider, when the response offers one role via several.")
        String principalArn;

        @Option(names = "--sp-initiated", description = {"--idp-url is the IdP's SingleSignOnService (from its metadata):",
                "send it an AuthnRequest from urn:amazon:webservices for --acs-url."})
        boolean spInitiated;

        @Option(names = "--browser", description = "Sign in in your browser; a listener on --acs-url receives the IdP's POST.")
        boolean browser;

        @Option(names = "--acs-url", paramLabel = "URL", defaultValue = "http://localhost:8000/saml",
                description = {"The ACS URL the IdP posts to, with --browser or --sp-initiated",
                        "(default: ${DEFAULT-VALUE}, as the seed's samlapp.py)."})
        URI acsUrl;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
                description = "With --browser: how long to wait for the IdP (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream out;
    private final PrintStream tell;

    public LoginCommand() {
        this(System.out, System.err);
    }

    public LoginCommand(PrintStream out) {
        this(out, System.err);
    }

    /** {@code out} gets the credentials; {@code tell} the instructions of browser sign-in. */
    public LoginCommand(PrintStream out, PrintStream tell) {
        this.out = out;
        this.tell = tell;
    }

    @Override
    public Integer call() throws IOException {
        if (oidc == saml) {
            throw usage("Choose one of --oidc or --saml.");
        }
        Credentials c = oidc ? oidcLogin() : samlLogin();
        print(c);
        return 0;
    }

    private Credentials oidcLogin() {
        require(oidcOptions.issuer, "--issuer");
        require(oidcOptions.clientId, "--client-id");
        require(oidcOptions.clientSecret, "--client-secret");
        require(user, "--user");
        require(roleArn, "--role-arn");
        String idToken = new OidcPasswordLogin().idToken(oidcOptions.issuer, oidcOptions.clientId,
                oidcOptions.clientSecret, user, password());
        return ApiClients.assumeRoleWithWebIdentity(endpoint(), roleArn, sessionName(user), idToken);
    }

    private Credentials samlLogin() {
        SamlOptions o = samlOptions;
        require(o.idpUrl, "--idp-url");
        AuthnRequests.SpInitiated sp = o.spInitiated ? AuthnRequests.start(o.idpUrl, o.acsUrl.toString()) : null;
        URI signInUrl = sp != null ? sp.signInUrl() : o.idpUrl;
        SamlPasswordLogin.SamlPost post;
        if (o.browser) {
            if (user != null || password != null) {
                throw usage("--browser signs in at the IdP's own page: drop --user and --password.");
            }
            post = new SamlBrowserLogin(o.acsUrl, signInUrl, Duration.ofSeconds(o.timeoutSeconds), tell).awaitPost();
        } else {
            require(user, "--user");
            post = new SamlPasswordLogin().signIn(signInUrl, user, password());
        }
        if (sp != null) {
            AuthnRequests.requireAnswers(post.samlResponse(), sp.requestId());
        }
        SamlRoles.RolePair pair = SamlRoles.choose(SamlRoles.offered(post.samlResponse()), roleArn, o.principalArn);
        try (StsClient sts = ApiClients.anonymousSts(endpoint())) {
            return sts.assumeRoleWithSAML(r -> r.roleArn(pair.roleArn()).principalArn(pair.principalArn())
                    .samlAssertion(post.samlResponse())).credentials();
        }
    }

    private void print(Credentials c) throws IOException {
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
    }

    private String password() {
        if (password == null) {
            Console console = System.console();
            if (console == null) {
                throw new IllegalArgumentException("No console to ask the password on: pass --password.");
            }
            password = new String(console.readPassword("Password for %s: ", user));
        }
        return password;
    }

    private void require(Object value, String option) {
        if (value == null) {
            throw usage("Missing option " + option + " for " + (oidc ? "--oidc" : "--saml") + " (see --help).");
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
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
