package dev.quire.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.ChatSyncResponse;
import software.amazon.awssdk.services.qbusiness.model.SourceAttribution;

/**
 * simple_aq.py in Java: one ChatSync per query, as the user whose temporary credentials are in
 * AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN (the export lines of OidcApp or
 * SamlApp). ChatSync names no user: the identity travels in the signed credentials.
 * Environment: QBUSINESS_APPLICATION_ID, AWS_REGION (or AWS_DEFAULT_REGION). Queries: the
 * arguments, else one per line of standard input.
 */
public final class SimpleChat {
    private SimpleChat() {
    }

    public static void main(String[] args) {
        ProgramExit.run(() -> {
            Env env = Env.system();
            String applicationId = env.required("QBUSINESS_APPLICATION_ID");
            List<String> queries = queries(args, new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (queries.isEmpty()) {
                System.out.println("No queries: give them as arguments or one per line on standard input.");
                System.exit(2);
            }
            int status;
            try (QBusinessClient qbusiness = Clients.qbusiness(env.optional("AWS_REGION", env.region()))) {
                status = run(applicationId, queries, qbusiness, System.out, System.err);
            }
            System.exit(status);
        });
    }

    /** The arguments when there are any, else the non-blank lines of {@code stdin} that are not # comments. */
    public static List<String> queries(String[] args, Reader stdin) throws IOException {
        List<String> queries = new ArrayList<>();
        if (args.length > 0) {
            Arrays.stream(args).map(String::strip).filter(q -> !q.isEmpty()).forEach(queries::add);
            return queries;
        }
        try (BufferedReader lines = new BufferedReader(stdin)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String query = line.strip();
                if (!query.isEmpty() && !query.startsWith("#")) {
                    queries.add(query);
                }
            }
        }
        return queries;
    }

    /**
     * Asks each query; a failed call is printed as the AWS CLI words it and the next query still
     * runs (the seed's first call may fail with "User does not have a subscription"). Returns 0 when
     * every call succeeded, else 1.
     */
    public static int run(String applicationId, List<String> queries, QBusinessClient qbusiness,
                          PrintStream out, PrintStream err) {
        int status = 0;
        for (String query : queries) {
            try {
                ChatSyncResponse response = qbusiness.chatSync(r -> r.applicationId(applicationId)
                        .userMessage(query).clientToken(QbizAppSteps.clientToken()));
                print(query, response, out);
            } catch (AwsServiceException e) {
                err.println(errorLine(e));
                status = 1;
            }
        }
        return status;
    }

    static String errorLine(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? "Unknown" : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        return "An error occurred (" + code + ") when calling the ChatSync operation: " + message;
    }

    static void print(String query, ChatSyncResponse response, PrintStream out) {
        out.println("User query: " + query);
        out.println("Amazon Q response: " + response.systemMessage());
        List<SourceAttribution> sources = response.sourceAttributions();
        if (!sources.isEmpty()) {
            out.println("Sources:");
            for (SourceAttribution s : sources) {
                out.println("  [" + (s.citationNumber() == null ? "-" : s.citationNumber()) + "] " + s.title()
                        + (s.url() == null ? "" : " " + s.url()));
            }
        }
        out.println("---------");
    }
}
