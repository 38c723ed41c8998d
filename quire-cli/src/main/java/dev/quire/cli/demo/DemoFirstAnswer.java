package dev.quire.cli.demo;

import dev.quire.cli.chat.ChatSession;
import dev.quire.cli.chat.OidcPasswordLogin;
import java.io.PrintStream;
import java.net.URI;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The demo's proof that the main job works end to end before it says "ready": Mary signs in at the
 * development IdP (password grant), her ID token becomes session credentials through
 * AssumeRoleWithWebIdentity, and she asks the seed's question with ChatSync — the same calls
 * {@code ./quire chat} and the web experience make. The conversation is deleted afterwards so her
 * conversation list starts empty.
 */
final class DemoFirstAnswer {
    static final String USER = "mary";
    static final String QUESTION = "who are the project team members?";

    private DemoFirstAnswer() {
    }

    /** Prints Mary's answer with its sources; false (with the reason printed) when any step failed. */
    static boolean ask(URI endpoint, String issuer, DemoSettings settings, DemoUsers users, String applicationId,
                       String roleArn, PrintStream out) {
        DemoUsers.DemoUser mary = users.find(USER).orElse(null);
        if (mary == null) {
            return false;
        }
        out.println("first question, asked as " + mary.displayName() + " through the public API"
                + " (dev IdP → AssumeRoleWithWebIdentity → ChatSync): " + QUESTION);
        try {
            String idToken = new OidcPasswordLogin().idToken(issuer, settings.clientId(), settings.clientSecret(),
                    mary.username(), mary.password());
            Credentials c = ApiClients.assumeRoleWithWebIdentity(endpoint, roleArn, "mary-demo-check", idToken);
            try (QBusinessClient qb = ApiClients.qbusiness(endpoint, ApiClients.session(c))) {
                ChatSession chat = new ChatSession(qb, applicationId, new IndentedOut(out));
                boolean answered = chat.ask(QUESTION);
                if (chat.conversationId() != null) {
                    qb.deleteConversation(r -> r.applicationId(applicationId).conversationId(chat.conversationId()));
                }
                return answered;
            }
        } catch (SdkException | IllegalStateException | IllegalArgumentException e) {
            out.println("  quire: the first question failed: " + e.getMessage());
            return false;
        }
    }

    /** Indents what the chat session prints, so the answer stands out in the demo's output. */
    private static final class IndentedOut extends PrintStream {
        private final PrintStream target;

        IndentedOut(PrintStream target) {
            super(target, true);
            this.target = target;
        }

        @Override
        public void println(String line) {
            target.println(line.isEmpty() ? "" : "  │ " + line.replace("\n", "\n  │ "));
        }

        @Override
        public void println() {
            target.println();
        }
    }
}
