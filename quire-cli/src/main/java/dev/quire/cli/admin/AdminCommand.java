package dev.quire.cli.admin;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code quire admin}: what an administrator does through the public API, one command per task. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = {"Administer Quire through its public API (IAM, STS, Q Business, Secrets Manager).",
                "Keys come from the standard AWS chain or --profile; the endpoint from --endpoint or AWS_ENDPOINT_URL."},
        subcommands = {CreateOidcAppCommand.class, CreateSamlAppCommand.class, PutGroupCommand.class,
                IngestCommand.class, DeleteAppCommand.class},
        footer = {"", "Example:",
                "  export AWS_SHARED_CREDENTIALS_FILE=quire-data/credentials",
                "  ./quire admin create-oidc-app --profile quire --issuer https://idp.example.com/realms/acme \\",
                "      --client-id quire --client-secret …",
                "  ./quire admin ingest ./wiki --profile quire --application-id <id> --index-id <id> --group staff"})
public final class AdminCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
