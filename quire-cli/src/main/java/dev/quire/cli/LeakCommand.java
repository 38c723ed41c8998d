package dev.quire.cli;

import dev.quire.core.chat.LeakCheck;
import dev.quire.server.chat.LeakCheckRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quire leak}: random users ask ChatSync about random canaries; any leak fails the command. */
@Command(name = "leak", mixinStandardHelpOptions = true,
        description = {"Run the chat permission-leak check and print what it found.", "",
                "Random users, nested groups and ALLOW/DENY, AND/OR ACLs; each document carries a canary word.",
                "Every trial asks ChatSync about a canary and checks that no canary of a document the user",
                "may not read appears in the answer, snippets, titles or URLs. Exit code 1 on any leak."})
final class LeakCommand implements Runnable {
    @Option(names = "--trials", defaultValue = "10000", description = "How many questions (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--seed", defaultValue = "20260101", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public void run() {
        if (trials < 1) {
            throw new IllegalArgumentException("--trials must be at least 1.");
        }
        LeakCheck.Report report = LeakCheckRunner.run(System.out, trials, seed);
        if (report.leaks() > 0) {
            throw new IllegalStateException(report.leaks() + " of " + report.trials() + " trials leaked.");
        }
    }
}
