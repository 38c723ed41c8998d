package dev.quire.cli.admin;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;

/** {@code quire admin delete-app}: deletes an application with its indices, documents and conversations. */
@Command(name = "delete-app", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Delete an application (DeleteApplication): its indices, documents, retrievers,",
                "web experiences and conversations go with it. IAM roles and providers stay.",
                "Asks for confirmation unless --yes."},
        footer = {"", "Example:",
                "  ./quire admin delete-app --profile quire --application-id <app> --yes"})
public final class DeleteAppCommand implements Callable<Integer> {
    @Mixin
    AdminConnection connection = new AdminConnection();

    @Option(names = "--application-id", required = true, description = "The application id.")
    String applicationId;

    @Option(names = "--yes", description = "Do not ask: delete right away (for scripts).")
    boolean yes;

    private final PrintStream out;
    private final BufferedReader confirmation;

    public DeleteAppCommand() {
        this(System.out, null);
    }

    /** {@code confirmation} stands for the console in tests; null means the real console, if any. */
    public DeleteAppCommand(PrintStream out, BufferedReader confirmation) {
        this.out = out;
        this.confirmation = confirmation;
    }

    @Override
    public Integer call() throws IOException {
        try (QBusinessClient qb = connection.qbusiness()) {
            String displayName = qb.getApplication(r -> r.applicationId(applicationId)).displayName();
            if (!yes && !confirmed(displayName)) {
                out.println("not deleted");
                return 1;
            }
            qb.deleteApplication(r -> r.applicationId(applicationId));
            out.println("  ✓ deleted application " + displayName + " (" + applicationId + ")");
            return 0;
        }
    }

    private boolean confirmed(String displayName) throws IOException {
        String prompt = "Delete application " + displayName + " (" + applicationId + ") and all its content? [y/N] ";
        String answer;
        if (confirmation != null) {
            out.print(prompt);
            out.flush();
            answer = confirmation.readLine();
        } else {
            Console console = System.console();
            if (console == null) {
                throw new IllegalArgumentException("Refusing to delete without confirmation: no console to ask on; "
                        + "pass --yes to delete " + applicationId + ".");
            }
            answer = console.readLine("%s", prompt);
        }
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }
}
