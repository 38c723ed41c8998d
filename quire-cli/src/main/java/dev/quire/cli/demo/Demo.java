package dev.quire.cli.demo;

import dev.quire.devidp.DevIdp;
import dev.quire.server.AnswerConfiguration;
import dev.quire.server.QuireServer;
import dev.quire.server.ServerConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@code quire demo} as a library: Quire on embedded defaults, the development IdP, the demo
 * application provisioned through the public API and the sample wiki indexed. {@link #start} returns
 * once everything is ready to chat; closing stops the IdP and the server.
 */
public final class Demo implements AutoCloseable {
    /** Where and how long. {@code port}/{@code idpPort} 0 pick free ports (tests). */
    public record Options(int port, int idpPort, Path dataDir, Duration indexingTimeout, Map<String, String> environment) {
        public Options(int port, int idpPort, Path dataDir) {
            this(port, idpPort, dataDir, Duration.ofMinutes(5), System.getenv());
        }
    }

    private final QuireServer server;
    private final DevIdp idp;
    private final DemoUsers users;
    private final DemoProvisioner.DemoApp app;
    private final Duration startToReady;

    private Demo(QuireServer server, DevIdp idp, DemoUsers users, DemoProvisioner.DemoApp app, Duration startToReady) {
        this.server = server;
        this.idp = idp;
        this.users = users;
        this.app = app;
        this.startToReady = startToReady;
    }

    public static Demo start(Options options, PrintStream out) {
        ServerConfig config = ServerConfig.fromEnvironment("127.0.0.1", options.port(), options.dataDir(), null,
                options.environment());
        QuireServer server = QuireServer.start(config, AnswerConfiguration.fromEnvironment(options.environment()));
        long started = System.nanoTime();
        server.loadEmbeddingModelInBackground(); // overlaps the IdP start and provisioning; indexing needs it
        out.println("Quire server started at " + server.endpoint() + " (" + server.storeDescription() + ", answers: "
                + server.answerGeneratorName() + ")");
        DevIdp idp = null;
        try {
            Path dataDir = options.dataDir().toAbsolutePath();
            SecureRandom random = new SecureRandom();
            DemoUsers users = DemoUsers.loadOrCreate(dataDir, random);
            DemoSettings settings = DemoSettings.loadOrCreate(dataDir, random);
            idp = DemoIdentityProvider.start(dataDir, options.idpPort(), server.accountId(), users, settings, out);
            DemoProvisioner.DemoApp app = provisionAndLoad(server, idp, users, settings, options.indexingTimeout(), out);
            settings.put("endpoint", server.endpoint().toString());
            settings.put("issuer", idp.issuer());
            settings.put("applicationId", app.applicationId());
            settings.put("roleArn", app.roleArn());
            settings.save();
            Duration indexed = Duration.ofNanos(System.nanoTime() - started);
            out.printf("content indexed: %.1f s from server started%n", indexed.toMillis() / 1000.0);
            boolean answered = DemoFirstAnswer.ask(server.endpoint(), idp.issuer(), settings, users,
                    app.applicationId(), app.roleArn(), out);
            Duration ready = Duration.ofNanos(System.nanoTime() - started);
            out.printf("ready: %.1f s from server started to %s%n", ready.toMillis() / 1000.0,
                    answered ? "the first answer" : "ready (the first question failed, see above)");
            return new Demo(server, idp, users, app, ready);
        } catch (RuntimeException e) {
            if (idp != null) {
                idp.close();
            }
            server.close();
            throw e;
        }
    }

    private static DemoProvisioner.DemoApp provisionAndLoad(QuireServer server, DevIdp idp, DemoUsers users,
                                                           DemoSettings settings, Duration timeout, PrintStream out) {
        var root = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                server.rootCredentials().accessKeyId(), server.rootCredentials().secretAccessKey()));
        try (IamClient iam = ApiClients.iam(server.endpoint(), root);
             QBusinessClient qb = ApiClients.qbusiness(server.endpoint(), root);
             SecretsManagerClient sm = ApiClients.secretsManager(server.endpoint(), root)) {
            DemoProvisioner.DemoApp app = new DemoProvisioner(iam, qb, server.accountId(), out)
                    .withWebSignIn(sm, settings.clientSecret())
                    .provision(idp.issuer(), settings.clientId(), idp.samlMetadataXml(), users);
            List<SampleContent.Page> pages = SampleContent.pages();
            DemoContentLoader loader = new DemoContentLoader(qb, out);
            if (!app.reused()) {
                loader.put(app.applicationId(), app.indexId(), pages);
            }
            loader.awaitIndexed(app.applicationId(), app.indexId(), pages.size(), timeout);
            return app;
        }
    }

    public QuireServer server() {
        return server;
    }

    public DevIdp idp() {
        return idp;
    }

    public DemoUsers users() {
        return users;
    }

    public DemoProvisioner.DemoApp app() {
        return app;
    }

    public Duration startToReady() {
        return startToReady;
    }

    @Override
    public void close() {
        idp.close();
        server.close();
    }
}
