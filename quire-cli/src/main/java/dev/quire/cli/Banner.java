package dev.quire.cli;

import dev.quire.server.QuireServer;
import java.io.PrintStream;

/** What the user sees once the server is up: where it is and how to talk to it. */
final class Banner {
    private Banner() {
    }

    static void print(PrintStream out, QuireServer server) {
        out.println();
        out.println("Quire is ready at " + server.endpoint());
        out.println("  store:      " + server.storeDescription());
        out.println("  account:    " + server.accountId());
        out.println("  answers:    " + server.answerGeneratorName()
                + ("extractive".equals(server.answerGeneratorName()) ? " (offline; set QUIRE_LLM_PROVIDER for an LLM)" : ""));
        if (server.credentialsFile() != null) {
            out.println("  root keys:  " + server.credentialsFile() + " (profile 'quire')"
                    + (server.rootCredentialsGenerated() ? "  ← generated just now" : ""));
            out.println("  try:        AWS_SHARED_CREDENTIALS_FILE=" + server.credentialsFile()
                    + " aws --profile quire --region us-east-1 --endpoint-url " + server.endpoint()
                    + " sts get-caller-identity");
        } else {
            out.println("  root keys:  from QUIRE_ROOT_ACCESS_KEY_ID / QUIRE_ROOT_SECRET_ACCESS_KEY");
        }
        out.println("  audit log:  " + server.auditLog());
        out.println("  health:     " + server.endpoint() + "/_quire/health");
        out.println("Press Ctrl-C to stop.");
    }
}
