package dev.quire.cli;

import dev.quire.cli.demo.Demo;
import dev.quire.cli.demo.DemoNextSteps;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quire demo}: the server on embedded storage, the development IdP with the seed's people,
 * the demo application provisioned through the public API and a sample wiki, ready to chat.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start everything to try Quire: the server (H2 under ./quire-data), a development IdP",
                "with demo users (Mary, Mateo, Martha, John), an application with a sample wiki whose spaces",
                "have different readers, ready for './quire chat'. A second run reuses what the first created."},
        footer = {"", "Example:",
                "  ./quire demo                  # then, in another terminal:",
                "  ./quire chat --user mary      # ask: who are the project team members?",
                "  ./quire chat --user mateo     # the same question answers from what Mateo may read"})
final class DemoCommand implements Runnable {
    @Option(names = "--port", defaultValue = "8080", description = "Quire's TCP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--idp-port", defaultValue = "8081",
            description = "The development IdP's port (default: ${DEFAULT-VALUE}); keep it fixed: it is part of the issuer.")
    int idpPort;

    @Option(names = "--data-dir", defaultValue = "quire-data", description = "Where state lives (default: ./${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public void run() {
        Demo demo = Demo.start(new Demo.Options(port, idpPort, dataDir), System.out);
        DemoNextSteps.print(System.out, demo, dataDir);
        ServeCommand.blockUntilStopped(demo, "Stopping the demo: the IdP, then Quire…");
    }
}
