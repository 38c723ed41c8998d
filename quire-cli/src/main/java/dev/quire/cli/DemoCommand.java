package dev.quire.cli;

import dev.quire.server.ServerConfig;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quire demo}: Quire on the embedded defaults. For now it starts the server and says what
 * is coming; the demo IdP, sample content and chat arrive with the experience work.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start Quire on embedded defaults (H2 under ./quire-data), ready to try with the AWS CLI or SDKs."})
final class DemoCommand implements Runnable {
    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", defaultValue = "quire-data", description = "Where state lives (default: ./${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public void run() {
        ServerConfig config = ServerConfig.fromEnvironment("127.0.0.1", port, dataDir, null, System.getenv());
        ServeCommand.runUntilStopped(config, server -> {
            System.out.println();
            System.out.println("Demo mode. Available now: the IAM, STS, Secrets Manager and Q Business endpoints");
            System.out.println("with the root keys above. Coming next in this build: the demo IdP (Mary and Mateo),");
            System.out.println("sample content and the web chat.");
        });
    }
}
