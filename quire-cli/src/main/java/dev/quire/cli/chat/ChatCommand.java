package dev.quire.cli.chat;

import dev.quire.cli.demo.ApiClients;
import dev.quire.cli.demo.DemoSettings;
import dev.quire.cli.demo.DemoUsers;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * {@code quire chat}: what a custom chat app does with Amazon Q Business IAM federation, in a
 * terminal. The user signs in at the IdP (password grant), trades the ID token for temporary
 * credentials of the web-experience role (AssumeRoleWithWebIdentity, unsigned), and every question
 * is a ChatSync signed with those credentials: the answer comes only from what that user may read.
 */
@Command(name = "chat", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Chat with a Quire application as a user of its identity provider.",
                "Signs in with the OIDC password grant, calls STS AssumeRoleWithWebIdentity, then asks",
                "each line you type with ChatSync. Follow-up questions continue the conversation.",
                "Without options it talks to the application of './quire demo' (files in ./quire-data)."},
        footer = {"", "In the conversation:",
                "  /new    start a new conversation",
                "  /quit   leave (so does end of input, Ctrl-D)",
                "", "Examples:",
                "  ./quire chat --user mary                        # Mary is in core-team: she sees the ACME space",
                "  ./quire chat --user mateo --ask \"who are the project team members?\"",
                "  ./quire chat --issuer https://idp.example.com/realms/acme --client-id web --client-secret … \\",
                "      --user alice --password … --application-id <id> --role-arn arn:aws:iam::…:role/…"})
public final class ChatCommand implements Callable<Integer> {
    @Option(names = "--endpoint", description = "Quire's URL (default: the demo's, else http://127.0.0.1:8080).")
    String endpoint;

    @Option(names = "--user", required = true, description = "Who signs in: a username (or email) at the IdP, e.g. mary.")
    String user;

    @Option(names = "--password", description = "The user's password (default: from <data-dir>/demo-users.txt for a demo user).")
    String password;

    @Option(names = "--issuer", description = "The OIDC issuer URL (default: the demo's development IdP).")
    String issuer;

    @Option(names = "--client-id", description = "The OIDC client id (default: the demo's, quire-demo).")
    String clientId;

    @Option(names = "--client-secret", description = "The OIDC client secret (default: the demo's).")
    String clientSecret;

    @Option(names = "--application-id", description = "The Q Business application id (default: the demo application).")
    String applicationId;

    @Option(names = "--role-arn", description = "The web-experience role to assume (default: the demo's).")
    String roleArn;

    @Option(names = "--ask", paramLabel = "QUESTION", description = "Ask one question, print the answer and exit (for scripts).")
    String ask;

    @Option(names = "--data-dir", defaultValue = "quire-data", description = "Where './quire demo' keeps its files (default: ./${DEFAULT-VALUE}).")
    Path dataDir;

    private final InputStream in;
    private final PrintStream out;

    public ChatCommand() {
        this(System.in, System.out);
    }

    /** For tests and embedding: questions come from {@code in}, everything printed goes to {@code out}. */
    public ChatCommand(InputStream in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        resolveDefaults();
        String idToken = new OidcPasswordLogin().idToken(issuer, clientId, clientSecret, user, password);
        URI quire = URI.create(endpoint);
        Credentials c = ApiClients.assumeRoleWithWebIdentity(quire, roleArn, sessionName(user), idToken);
        try (QBusinessClient qb = ApiClients.qbusiness(quire, ApiClients.session(c))) {
            ChatSession chat = new ChatSession(qb, applicationId, out);
            if (ask != null) {
                return chat.ask(ask) ? 0 : 1;
            }
            out.println("Signed in as " + user + " (temporary credentials until " + c.expiration() + ").");
            out.println("Ask a question; /new starts a new conversation, /quit leaves.");
            loop(chat);
            return 0;
        }
    }

    private void loop(ChatSession chat) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        while (true) {
            out.print(user + "> ");
            out.flush();
            String line = lines.readLine();
            if (line == null || line.strip().equals("/quit")) {
                out.println();
                return;
            }
            String q = line.strip();
            if (q.isEmpty()) {
                continue;
            }
            if (q.equals("/new")) {
                chat.newConversation();
                out.println("(new conversation)");
                continue;
            }
            chat.ask(q);
            out.println();
        }
    }

    /** Fills every option left out from the files './quire demo' wrote. */
    private void resolveDefaults() {
        DemoSettings demo = DemoSettings.load(dataDir);
        endpoint = first(endpoint, demo.get("endpoint"), "http://127.0.0.1:8080");
        issuer = first(issuer, demo.issuer(), null);
        clientId = first(clientId, demo.get("clientId"), null);
        clientSecret = first(clientSecret, demo.clientSecret(), null);
        applicationId = first(applicationId, demo.applicationId(), null);
        roleArn = first(roleArn, demo.roleArn(), null);
        if (password == null) {
            DemoUsers.DemoUser u = DemoUsers.load(dataDir).find(user).orElseThrow(() -> new IllegalArgumentException(
                    "'" + user + "' is not a demo user in " + dataDir.resolve(DemoUsers.FILE) + ": pass --password."));
            password = u.password();
            user = u.username();
        }
        if (issuer == null || clientId == null || clientSecret == null || applicationId == null || roleArn == null) {
            throw new IllegalArgumentException("No demo found in " + dataDir.toAbsolutePath() + ": run './quire demo' "
                    + "first, or give --issuer, --client-id, --client-secret, --application-id and --role-arn.");
        }
    }

    private static String first(String given, String fromDemo, String fallback) {
        return given != null ? given : fromDemo != null ? fromDemo : fallback;
    }

    /** RoleSessionName allows [\w+=,.@-]{2,64}. */
    private static String sessionName(String user) {
        String safe = (user + "-chat").replaceAll("[^\\w+=,.@-]", "_");
        return safe.length() > 64 ? safe.substring(0, 64) : safe;
    }
}
