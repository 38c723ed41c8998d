package dev.quire.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code quire}: the entry point. Each subcommand is its own class. */
@Command(name = "quire",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        description = {
                "Quire — a self-hosted, permission-aware enterprise assistant.",
                "It speaks the Amazon Q Business, IAM, STS and Secrets Manager APIs:",
                "point the AWS SDKs or CLI at it by changing only the endpoint.",
                ""},
        subcommands = {ServeCommand.class, DemoCommand.class, dev.quire.cli.chat.ChatCommand.class,
                dev.quire.cli.admin.AdminCommand.class, dev.quire.cli.login.LoginCommand.class, BenchCommand.class, LeakCommand.class, CommandLine.HelpCommand.class},
        footer = {"",
                "Start here:",
                "  ./quire demo                 everything on embedded defaults, ready to try",
                "  ./quire chat --user mary     chat as a demo user (after ./quire demo)",
                "  ./quire admin --help         create applications, groups, ingest folders",
                "  ./quire login --help         a user's temporary AWS credentials from the IdP",
                "  ./quire serve --port 8080    the server on its own (H2 under ./quire-data by default)",
                "  ./quire test                 the whole test suite (builds, starts PostgreSQL and Keycloak)",
                "Run './quire help <command>' for the options of a command."})
public final class QuireCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        int code = new CommandLine(new QuireCommand())
                .setExecutionExceptionHandler(new FriendlyErrors())
                .execute(args);
        if (code != 0 || !ServeCommand.keepsRunning()) {
            System.exit(code);
        }
    }
}
