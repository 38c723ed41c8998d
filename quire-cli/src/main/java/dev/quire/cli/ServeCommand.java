package dev.quire.cli;

import dev.quire.server.AnswerConfiguration;
import dev.quire.server.QuireServer;
import dev.quire.server.ServerConfig;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quire serve}: this interface is a contract outside tools rely on; keep it exactly. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the Quire server: qbusiness, IAM, STS and Secrets Manager on one port",
                "(HTTP/1.1 and h2c). Stops cleanly on Ctrl-C or SIGTERM."},
        footer = {"", "Environment:",
                "  QUIRE_ROOT_ACCESS_KEY_ID, QUIRE_ROOT_SECRET_ACCESS_KEY  administrator keys (generated once when unset)",
                "  QUIRE_ACCOUNT_ID   the account id in every ARN (default 123456789012)",
                "  QUIRE_DB_URL, QUIRE_DB_USER, QUIRE_DB_PASSWORD   a PostgreSQL database instead of embedded H2",
                "  QUIRE_LLM_PROVIDER   answers by an LLM instead of the offline extractive answerer:",
                "                       openai-compatible (Ollama, vLLM, llama.cpp server), anthropic or bedrock;",
                "                       the other QUIRE_LLM_* variables configure it, e.g.",
                "                       QUIRE_LLM_PROVIDER=openai-compatible QUIRE_LLM_BASE_URL=http://127.0.0.1:11434/v1 \\",
                "                       QUIRE_LLM_MODEL=llama3.1 ./quire serve",
                "                       (also QUIRE_LLM_API_KEY, _REGION, _TEMPERATURE, _TIMEOUT, _MAX_TOKENS, _STREAMING)",
                "", "Example:",
                "  ./quire serve --port 8080 &",
                "  AWS_SHARED_CREDENTIALS_FILE=quire-data/credentials aws --profile quire --region us-east-1 \\",
                "      --endpoint-url http://127.0.0.1:8080 sts get-caller-identity"})
final class ServeCommand implements Runnable {
    private static volatile boolean running;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--data-dir", defaultValue = "quire-data", description = "Where state lives (default: ./${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db-url", description = "JDBC URL of a PostgreSQL database, e.g. jdbc:postgresql://127.0.0.1:5432/quire "
            + "(default: embedded H2 in the data dir; or env QUIRE_DB_URL).")
    String dbUrl;

    @Option(names = "--enable-dev-idp", description = "Also start the development IdP with the demo users (see"
            + " './quire demo'). For demos and tests only: never with real users. Default: off.")
    boolean enableDevIdp;

    @Option(names = "--idp-port", defaultValue = "8081", description = "Port of the development IdP when enabled"
            + " (default: ${DEFAULT-VALUE}).")
    int idpPort;

    static boolean keepsRunning() {
        return running;
    }

    @Override
    public void run() {
        ServerConfig config = ServerConfig.fromEnvironment(host, port, dataDir, dbUrl, System.getenv());
        runUntilStopped(config, enableDevIdp ? server -> DevIdpForServe.start(server, dataDir, idpPort) : null);
    }

    /** Starts, prints where everything is, and blocks until the JVM is asked to stop. */
    static void runUntilStopped(ServerConfig config, java.util.function.Function<QuireServer, AutoCloseable> afterStart) {
        QuireServer server = QuireServer.start(config, AnswerConfiguration.fromEnvironment(System.getenv()));
        AutoCloseable[] extra = new AutoCloseable[1];
        try {
            Banner.print(System.out, server);
            if (afterStart != null) {
                extra[0] = afterStart.apply(server);
            }
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        blockUntilStopped(() -> {
            if (extra[0] != null) {
                extra[0].close();
            }
            server.close();
        }, "Stopping Quire: finishing requests in flight, then closing the store…");
    }

    /** Blocks until the JVM is asked to stop, then closes {@code running}. */
    static void blockUntilStopped(AutoCloseable toClose, String stoppingMessage) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println(stoppingMessage);
            try {
                toClose.close();
            } catch (Exception e) {
                System.err.println("quire: while stopping: " + e.getMessage());
            }
            stopped.countDown();
        }, "quire-shutdown"));
        running = true;
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
